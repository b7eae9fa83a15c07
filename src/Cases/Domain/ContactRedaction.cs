using System.Text.RegularExpressions;

namespace Cases.Domain;

/// <summary>
/// Masks what looks like a way to reach someone (an e-mail address, a phone number) in a text that is about to
/// become public. Pure and deliberately eager: a house number or a date of seven digits or more is masked too,
/// since a false mask costs a word and a missed phone number costs a person's privacy. Vietnamese numbers are
/// 10 digits (0xx xxx xxxx), or +84 followed by 9; landlines with an area code likewise (Decision 798/QĐ-BTTTT).
/// </summary>
public static partial class ContactRedaction
{
    public const string Marker = "[…]";

    /// <summary>The text with every e-mail address and phone-like digit run replaced by <see cref="Marker"/>.</summary>
    public static string Mask(string text)
    {
        var masked = Email().Replace(text, Marker);
        masked = Phone().Replace(masked, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? Marker : m.Value);
        return masked.Trim();
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // A run of digits that may be broken by spaces, dots, dashes or brackets and may start with +: "090 123 4567",
    // "(0234) 3.822.123", "+84-90-123-4567".
    [GeneratedRegex(@"\+?\(?\d[\d\s.\-()]{5,}\d", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
