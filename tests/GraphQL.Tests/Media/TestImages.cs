using System.Text;
using ImageMagick;

namespace Cases.GraphQL.Tests.Media;

/// <summary>Images made in the test with Magick.NET, and files that only pretend to be images.</summary>
public static class TestImages
{
    public const string Camera = "CasesTestPhone", Serial = "SN-0042-TEST";

    /// <summary>A JPEG as a phone writes it: EXIF with a GPS position, the camera and its serial, plus an XMP packet.</summary>
    public static byte[] PhoneJpeg(int width = 1600, int height = 1200, string color = "#3a7")
    {
        using var image = new MagickImage($"gradient:{color}-#fff", (uint)width, (uint)height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(16, 1), new Rational(27, 1), new Rational(4917, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(107, 1), new Rational(35, 1), new Rational(2733, 100)]);
        exif.SetValue(ExifTag.Make, Camera);
        exif.SetValue(ExifTag.SerialNumber, Serial);
        exif.SetValue(ExifTag.Orientation, (ushort)1);
        image.SetProfile(exif);
        image.SetProfile(new XmpProfile(Encoding.UTF8.GetBytes(
            $"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="{Camera}"/></rdf:RDF></x:xmpmeta>""")));
        image.SetAttribute("comment", $"shot by {Camera}");
        image.Format = MagickFormat.Jpeg;
        image.Quality = 90;
        return image.ToByteArray();
    }

    /// <summary>
    /// <see cref="PhoneJpeg"/> as an iPhone saves it: HEVC-coded HEIC with the same EXIF (GPS, camera, serial).
    /// Made by libheif's heif-enc (Debian's libheif-examples, which scripts/test installs), which copies the
    /// JPEG's EXIF into the HEIF container: this Magick.NET build decodes HEIC but has no encoder for it.
    /// </summary>
    public static byte[] PhoneHeic(int width = 1200, int height = 900)
    {
        var dir = Directory.CreateTempSubdirectory("cases-heic-");
        try
        {
            var jpeg = Path.Combine(dir.FullName, "in.jpg");
            var heic = Path.Combine(dir.FullName, "out.heic");
            File.WriteAllBytes(jpeg, PhoneJpeg(width, height));
            var start = new System.Diagnostics.ProcessStartInfo("heif-enc") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--quality", "70", "--output", heic, jpeg }) start.ArgumentList.Add(a);
            System.Diagnostics.Process? p;
            try { p = System.Diagnostics.Process.Start(start); }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("heif-enc is not installed: apt-get install libheif-examples (scripts/test does).", e);
            }
            using (p)
            {
                var errors = p!.StandardError.ReadToEndAsync();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException($"heif-enc failed ({p.ExitCode}): {errors.Result}");
            }
            return File.ReadAllBytes(heic);
        }
        finally { dir.Delete(recursive: true); }
    }

    public static byte[] Png(int width = 800, int height = 600)
    {
        using var image = new MagickImage("gradient:#c33-#33c", (uint)width, (uint)height);
        image.SetAttribute("comment", $"made by {Camera}");
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    public static byte[] WebP(int width = 640, int height = 480)
    {
        using var image = new MagickImage("gradient:#fc0-#06c", (uint)width, (uint)height);
        image.Format = MagickFormat.WebP;
        return image.ToByteArray();
    }

    public static readonly byte[] RenamedPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry("photo.jpg").Open())) entry.Write("not a photo");
        return buffer.ToArray();
    }

    public static readonly byte[] SvgWithScript = Encoding.UTF8.GetBytes(
        """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>fetch('/graphql?steal='+document.cookie)</script><rect width="100" height="100" fill="red"/></svg>""");

    /// <summary>A JPEG's first bytes, then nothing a decoder can use.</summary>
    public static byte[] BrokenJpeg() => [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes(new string('x', 2000))];

    /// <summary>
    /// A decompression bomb: a valid PNG of a few hundred bytes whose header declares <paramref name="width"/> x
    /// <paramref name="height"/> pixels (one deflate stream of zeros for the first rows is all it carries).
    /// </summary>
    public static byte[] PngBomb(uint width, uint height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 0; // 8-bit greyscale
        Chunk(png, "IHDR", ihdr);
        using (var raw = new MemoryStream())
        {
            using (var z = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
                z.Write(new byte[(width + 1) * 4]);
            Chunk(png, "IDAT", raw.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
        s.Write(len);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    // PNG's CRC-32 (ISO 3309, the one zip uses), bit by bit: a few hundred bytes, speed does not matter.
    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
