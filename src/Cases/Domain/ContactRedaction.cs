using System.Text;
using System.Text.RegularExpressions;

namespace Cases.Domain;

/// <summary>
/// Masks what identifies or reaches a person (an e-mail address, a phone number, a house address, a name) in a
/// text that is about to become public: the default public summary of a report (Decree 13/2023/NĐ-CP treats each
/// as personal data). Pure. Contacts are masked eagerly (a date or count of seven digits or more is masked too,
/// since a false mask costs a word and a missed phone number costs a person's privacy); addresses and names only
/// in the forms Vietnamese reports write them (see the partial files), so ward names, streets without a house
/// number and the words of the report itself stay. What the patterns miss, the operator edits out
/// (<c>setPublicSummary</c>).
/// </summary>
public static partial class ContactRedaction
{
    public const string Marker = "[…]";

    /// <summary>
    /// The text with every e-mail address, phone-like digit run, house address and name after a form of address
    /// replaced by <see cref="Marker"/>. The text is taken in Unicode's composed form (NFC), as Vietnamese
    /// keyboards mostly type it, so a decomposed "ễ" is matched the same.
    /// </summary>
    public static string Mask(string text)
    {
        var masked = Email().Replace(text.Normalize(NormalizationForm.FormC), Marker);
        masked = Phone().Replace(masked, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? Marker : m.Value);
        masked = MaskAddresses(masked);
        masked = MaskNames(masked);
        return masked.Trim();
    }

    /// <summary>
    /// The text with what reaches or names a person masked (e-mail addresses, phone-like digit runs, names after a
    /// form of address), but house addresses kept: the staff-only copy staff search by (issue 20), where "kiệt 12
    /// Nguyễn Trãi" is where the problem is and what an operator looks for to find the reports about one place.
    /// </summary>
    public static string MaskContacts(string text)
    {
        var masked = Email().Replace(text.Normalize(NormalizationForm.FormC), Marker);
        masked = Phone().Replace(masked, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? Marker : m.Value);
        return MaskNames(masked).Trim();
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Vietnamese numbers are 10 digits (0xx xxx xxxx), or +84 followed by 9; landlines with an area code likewise
    // (Decision 798/QĐ-BTTTT). A run of digits that may be broken by spaces, dots, dashes or brackets and may start
    // with +: "090 123 4567", "(0234) 3.822.123", "+84-90-123-4567".
    [GeneratedRegex(@"\+?\(?\d[\d\s.\-()]{5,}\d", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
