using System.Text.RegularExpressions;

namespace Cases.Domain;

/// <summary>
/// Names as Vietnamese reports give them: after a form of address ("anh Nguyễn Văn A", "chị Lan", "ông Trần B")
/// or in a self-introduction ("tên tôi là …", "tôi là …", "họ tên: …"). The form of address stays ("chị […]"), so
/// the summary still reads; only capitalised words are taken, so "bà con" and "anh em" stay.
/// </summary>
public static partial class ContactRedaction
{
    // A name's syllable, but not a title or a unit that a form of address can precede ("ông Tổ trưởng", "anh Công
    // an phường", "chị Cán bộ"): those say who someone is by office, which a public summary may keep.
    private const string NameWord = @"(?!(?:Tổ|Trưởng|Phó|Chủ|Bí|Cán|Công|Giám|Đội|Ban|Trung|Người|Phường|Xã|Quận|Huyện|Thành|Tỉnh|Khu|Thôn|Xóm|Kiệt|Hẻm|Đường|Sở|Ủy|Uỷ)\b)\p{Lu}\p{Ll}*\b";

    // Forms of address, in lower case within a sentence. Capitalised only where a sentence starts: "Bà Triệu" and
    // "Ông Ích Khiêm" are also streets, written capitalised mid-sentence.
    private const string Form = "anh|chị|ông|bà|cô|chú|bác|cụ|em|dì|cậu|mợ|thím|cháu";

    [GeneratedRegex($$"""
        (?<lead>
            (?<![\p{L}\p{N}])(?:{{Form}})
          | (?:^|(?<=[.!?;:]\s*))(?i:{{Form}})
          | (?<![\p{L}])(?i:tên\s+tôi\s+là|tôi\s+tên\s+là|tôi\s+tên|tôi\s+là|tên\s+là|mình\s+tên\s+là|mình\s+là|em\s+tên\s+là|em\s+là|họ\s+(?:và\s+)?tên\s*:)
            (?:\s+(?i:{{Form}}))?
        )
        \s+{{NameWord}}(?:\s+{{NameWord}}){0,3}
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NameAfterForm();

    static string MaskNames(string text) => NameAfterForm().Replace(text, m => $"{m.Groups["lead"].Value} {Marker}");
}
