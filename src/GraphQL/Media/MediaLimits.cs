using NodaTime;

namespace Cases.GraphQL.Media;

/// <summary>
/// What an upload may be (issue 14). Pixels are limited as well as bytes: a 40 KB PNG can declare 50,000 x 50,000
/// pixels and decode to gigabytes (a decompression bomb), so the header's dimensions are checked before decoding.
/// </summary>
public sealed record MediaLimits
{
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>About a 48-megapixel phone photo, with room.</summary>
    public long MaxPixels { get; init; } = 50_000_000;
    public int MaxSide { get; init; } = 12_000;
    /// <summary>The stored photo's longer side: enough for a screen, a fraction of a phone photo's bytes.</summary>
    public int StoredSide { get; init; } = 2048;
    public int ThumbnailSide { get; init; } = 320;
    public int JpegQuality { get; init; } = 82;
    /// <summary>An upload no case references within this time is refused for attachment and then removed.</summary>
    public Duration AttachWithin { get; init; } = Duration.FromDays(1);
}
