using ImageMagick;

namespace Cases.GraphQL.Media;

/// <summary>
/// Which image format the bytes are, from their signature alone: the file name and the declared content type are
/// the sender's claims, and ImageMagick's own detection would also accept SVG, PostScript, PDF and dozens of
/// coders a photo upload has no business reaching. The decoder is then told the format, so nothing else runs.
/// </summary>
public static class ImageFormats
{
    // ISO base media file brands of HEIF images (ISO/IEC 23008-12): HEVC-coded stills and sequences.
    static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    public static MagickFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return MagickFormat.Jpeg;
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return MagickFormat.Png;
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return MagickFormat.WebP;
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(b[8..12]);
            if (HeifBrands.Contains(brand)) return MagickFormat.Heic;
        }
        return null;
    }
}
