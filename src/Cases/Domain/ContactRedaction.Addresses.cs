using System.Text.RegularExpressions;

namespace Cases.Domain;

/// <summary>House addresses: a house number with its street, or an alley (kiệt, hẻm, ngõ, ngách) with its number.</summary>
public static partial class ContactRedaction
{
    // A capitalised word: the syllables of a street or a person's name ("Lê", "Lợi", "Huệ"). Words that start an
    // administrative unit end it, so "12 Lê Lợi Phường Vĩnh Ninh" loses the house, not the ward; an all-capitals
    // word (UBND) is none, because a capital followed by a capital has no word boundary after it.
    private const string Word = @"(?!(?:Phường|Xã|Quận|Huyện|Thị|Thành|Tỉnh|Tổ|Khu|Tháng|Năm|Ngày|Giờ)\b)\p{Lu}\p{Ll}*\b";

    // A house number: "12", "12A", "3/2", "45/7/2B" (Huế's kiệt and Saigon's hẻm are numbered that way).
    private const string Number = @"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\b";

    /// <summary>
    /// "số 12 đường Lê Lợi", "12 Nguyễn Huệ", "nhà số 7 Bà Triệu": a house number, then a street of at least two
    /// capitalised syllables (Vietnamese street names are people, places and dates of two or more, so a count
    /// before a capitalised word, "3 Cây", is not taken). Not after the words that number a unit rather than a
    /// house ("tổ 5 Phú Hội" is a residents' group of a ward, "tầng 2", "phòng 12"), nor inside a date or a time.
    /// </summary>
    [GeneratedRegex($$"""
        (?<![\d/:.,]|(?i:tổ|khu\s+vực|khối|thôn|xóm|phường|xã|quận|tầng|lầu|phòng|tuyến|lúc|ngày|tháng|năm)\s+)
        (?:(?i:số\s+nhà|nhà\s+số|số)\s+)?
        {{Number}}\s*,?\s+(?:(?i:đường|phố)\s+)?{{Word}}(?:\s+{{Word}}){1,4}
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex HouseOnStreet();

    /// <summary>"kiệt 5 Trần Phú", "hẻm 3/2", "ngõ 7", "số nhà 12": an alley or a house by its number, with its street if one follows.</summary>
    [GeneratedRegex($$"""
        (?<!\p{L})(?i:kiệt|hẻm|ngõ|ngách|số\s+nhà|nhà\s+số)\s+(?:(?i:số)\s+)?{{Number}}
        (?:\s*,?\s+(?:(?i:đường|phố)\s+)?{{Word}}(?:\s+{{Word}}){0,4})?
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Alley();

    static string MaskAddresses(string text) => HouseOnStreet().Replace(Alley().Replace(text, Marker), Marker);
}
