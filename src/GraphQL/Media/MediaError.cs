namespace Cases.GraphQL.Media;

/// <summary>A refused upload or reference, with the stable code the API gives as <c>extensions.code</c>.</summary>
public sealed class MediaError(string code, string message, int status, Exception? cause = null) : Exception(message, cause)
{
    public const string UnsupportedType = "MEDIA_UNSUPPORTED_TYPE";
    public const string TooLarge = "MEDIA_TOO_LARGE";
    public const string TooManyPixels = "MEDIA_TOO_MANY_PIXELS";
    public const string Unreadable = "MEDIA_UNREADABLE";
    public const string Missing = "MEDIA_MISSING";
    public const string NotFound = "MEDIA_NOT_FOUND";
    public const string Expired = "MEDIA_EXPIRED";
    public const string InUse = "MEDIA_IN_USE";
    /// <summary>The store behind <see cref="IMediaBlobs"/> failed (S3 unreachable or refusing): the server's fault, worth a retry.</summary>
    public const string StoreUnavailable = "MEDIA_STORE_UNAVAILABLE";
    /// <summary>The same code submissions give when a client sends too many.</summary>
    public const string RateLimited = "RATE_LIMITED";

    public string Code { get; } = code;
    public int Status { get; } = status;
}
