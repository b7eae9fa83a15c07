using ImageMagick;

namespace Cases.GraphQL.Media;

/// <summary>A photo as stored: a re-encoded JPEG without any metadata, and its thumbnail.</summary>
public sealed record ProcessedMedia(byte[] Full, byte[] Thumbnail, int Width, int Height);

/// <summary>
/// Turns an upload into what is stored (Magick.NET): checks the signature and the header's dimensions, decodes with
/// the one coder the signature names, turns the picture upright (the EXIF orientation is about to go), removes every
/// profile and property (EXIF with its GPS position and device serials, XMP, IPTC, ICC, comments), re-encodes to
/// JPEG no larger than <see cref="MediaLimits.StoredSide"/> and makes a thumbnail. CPU-bound: callers run it off the
/// request thread's hot path only in the sense that nothing else waits on it.
/// </summary>
public sealed class MediaProcessor(MediaLimits limits)
{
    static MediaProcessor()
    {
        // A backstop behind the header check below: ImageMagick refuses to hold more pixels than this whatever a
        // coder believes, so a header that lies about its size still cannot take the host's memory. No width or
        // height limit here: ImageMagick would refuse those while reading the header, as an error we could not tell
        // from a corrupt file, where the check below names the real reason.
        ResourceLimits.Area = 64_000_000;
        ResourceLimits.ListLength = 8; // HEIC and WebP may hold sequences; a photo is the first frame
    }

    public MediaLimits Limits => limits;

    public ProcessedMedia Process(byte[] bytes)
    {
        if (bytes.Length == 0) throw new MediaError(MediaError.Missing, "The upload is empty.", 400);
        if (bytes.Length > limits.MaxBytes)
            throw new MediaError(MediaError.TooLarge, $"A photo has at most {limits.MaxBytes / (1024 * 1024)} MB.", 413);
        var format = ImageFormats.Sniff(bytes)
            ?? throw new MediaError(MediaError.UnsupportedType, "Only JPEG, PNG, WebP and HEIC photos are accepted.", 415);
        var settings = new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 };
        try
        {
            var info = new MagickImageInfo(bytes, settings);
            if ((long)info.Width * info.Height > limits.MaxPixels || info.Width > limits.MaxSide || info.Height > limits.MaxSide)
                throw new MediaError(MediaError.TooManyPixels,
                    $"The photo is {info.Width} x {info.Height} pixels; at most {limits.MaxPixels / 1_000_000} megapixels and {limits.MaxSide} px a side.", 422);

            using var image = new MagickImage(bytes, settings);
            image.AutoOrient();
            image.Strip();
            image.Format = MagickFormat.Jpeg;
            image.Quality = (uint)limits.JpegQuality;
            if (image.Width > limits.StoredSide || image.Height > limits.StoredSide)
                image.Resize(new MagickGeometry((uint)limits.StoredSide, (uint)limits.StoredSide));
            var full = image.ToByteArray();
            var (width, height) = ((int)image.Width, (int)image.Height);

            image.Thumbnail(new MagickGeometry((uint)limits.ThumbnailSide, (uint)limits.ThumbnailSide));
            image.Strip();
            return new ProcessedMedia(full, image.ToByteArray(), width, height);
        }
        catch (MagickResourceLimitErrorException)
        {
            throw new MediaError(MediaError.TooManyPixels, "The photo needs more memory to decode than a photo may.", 422);
        }
        catch (MagickException e) when (e is not MagickResourceLimitErrorException)
        {
            // A signature that matched on a file that does not decode: truncated, corrupt or crafted.
            throw new MediaError(MediaError.Unreadable, $"The file looks like {format} but cannot be read as a photo.", 422);
        }
    }
}
