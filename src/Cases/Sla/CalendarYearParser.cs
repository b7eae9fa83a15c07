using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Cases.Sla;

/// <summary>
/// Reads one yearly holiday file. The format is line oriented:
/// <code>
/// # comment (a whole line; blank lines are ignored too)
/// version 2025.1                                  first directive, exactly once; the year before the dot is the file's year
/// holiday 2025-01-01 New Year                     a statutory day off (Labour Code art. 112), with its name
/// holiday 2025-01-27..2025-01-31 Tết Nguyên Đán   an inclusive range of days off
/// bridge 2025-05-02 swapped with 2025-04-26       a day off the government moved from a make-up Saturday
/// compensatory 2027-05-03 for 1 May on a Saturday a day off for a holiday on a weekly day off (art. 111(3))
/// workday 2025-04-26 make-up for 2025-05-02       a make-up working day on a weekend, with a note
/// provisional holiday 2027-02-05 Tết ...          any of the above, not yet confirmed by the official notice
/// </code>
/// Every problem throws <see cref="CalendarDataException"/> naming the file and the 1-based line: an unknown
/// kind of day, a bad or missing date or name, a range ending before it starts, a date outside the file's year,
/// a date listed twice, a date listed both as a day off and as a workday, a make-up workday on a weekday.
/// </summary>
public static partial class CalendarYearParser
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static CalendarYear Parse(string fileName, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reader);

        string? version = null;
        var year = 0;
        var holidays = new Dictionary<LocalDate, string>();
        var workdays = new Dictionary<LocalDate, string>();
        var listedOn = new Dictionary<LocalDate, int>();
        var kinds = new Dictionary<LocalDate, CalendarDayKind>();
        var provisional = new HashSet<LocalDate>();
        var lineNumber = 0;

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (directive, rest) = SplitFirst(line);
            CalendarDataException Error(string problem) => new(fileName, lineNumber, problem);

            if (directive == "version")
            {
                if (version is not null)
                {
                    throw Error("'version' is given twice.");
                }

                var match = VersionRegex().Match(rest);
                if (!match.Success)
                {
                    throw Error($"Version '{rest}' is not of the form <year>.<revision>, e.g. 2025.1.");
                }

                version = rest;
                year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var nameYear = FileNameYearRegex().Match(fileName);
                if (nameYear.Success && nameYear.Groups["year"].Value != match.Groups["year"].Value)
                {
                    throw Error($"Version {version} is for {year}, but the file is named for {nameYear.Groups["year"].Value}.");
                }

                continue;
            }

            if (version is null)
            {
                throw Error($"Expected 'version <year>.<revision>' before '{directive}'.");
            }

            var isProvisional = directive == "provisional";
            if (isProvisional)
            {
                (directive, rest) = SplitFirst(rest);
            }

            switch (directive)
            {
                case "holiday" or "bridge" or "compensatory":
                {
                    var (dates, name) = SplitFirst(rest);
                    if (name.Length == 0)
                    {
                        throw Error("A holiday needs a name after its date.");
                    }

                    var (first, last) = ParseRange(dates, Error);
                    for (var date = first; date <= last; date = date.PlusDays(1))
                    {
                        Add(date, name, holidays, "holiday", KindOf(directive));
                    }

                    break;
                }

                case "workday":
                {
                    var (dateText, note) = SplitFirst(rest);
                    if (note.Length == 0)
                    {
                        throw Error("A workday needs a note after its date (e.g. 'make-up for 2025-05-02').");
                    }

                    if (dateText.Contains(".."))
                    {
                        throw Error("A workday is a single date, not a range.");
                    }

                    var workday = ParseDate(dateText, Error);
                    if (workday.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                    {
                        throw Error($"{Format(workday)} is a {workday.DayOfWeek}: a make-up workday is a weekend day the week does not work.");
                    }

                    Add(workday, note, workdays, "workday", CalendarDayKind.Workday);
                    break;
                }

                default:
                    throw Error(isProvisional
                        ? $"Unknown kind of day '{directive}' after 'provisional'; expected 'holiday', 'bridge', 'compensatory' or 'workday'."
                        : $"Unknown directive '{directive}'; expected 'version', 'holiday', 'bridge', 'compensatory', 'workday' or 'provisional'.");
            }

            void Add(LocalDate date, string text, Dictionary<LocalDate, string> into, string kind, CalendarDayKind dayKind)
            {
                if (date.Year != year)
                {
                    throw Error($"{Format(date)} is outside the file's year {year}.");
                }

                if (listedOn.TryGetValue(date, out var earlier))
                {
                    var earlierKind = holidays.ContainsKey(date) ? "holiday" : "workday";
                    throw Error(earlierKind == kind
                        ? $"{Format(date)} is already listed as a {kind} on line {earlier}."
                        : $"{Format(date)} is listed as a {earlierKind} on line {earlier} and as a {kind} here.");
                }

                listedOn.Add(date, lineNumber);
                into.Add(date, text);
                kinds.Add(date, dayKind);
                if (isProvisional)
                {
                    provisional.Add(date);
                }
            }
        }

        if (version is null)
        {
            throw new CalendarDataException(fileName, Math.Max(lineNumber, 1), "The file has no 'version' line.");
        }

        return new CalendarYear(fileName, year, version, holidays, workdays, kinds, provisional);
    }

    private static CalendarDayKind KindOf(string directive) => directive switch
    {
        "bridge" => CalendarDayKind.Bridge,
        "compensatory" => CalendarDayKind.Compensatory,
        _ => CalendarDayKind.Holiday,
    };

    private static (LocalDate First, LocalDate Last) ParseRange(string text, Func<string, CalendarDataException> error)
    {
        var parts = text.Split("..");
        if (parts.Length > 2)
        {
            throw error($"'{text}' is not a date or a range <date>..<date>.");
        }

        var first = ParseDate(parts[0], error);
        var last = parts.Length == 2 ? ParseDate(parts[1], error) : first;
        if (last < first)
        {
            throw error($"The range {text} ends before it starts.");
        }

        return (first, last);
    }

    private static LocalDate ParseDate(string text, Func<string, CalendarDataException> error)
    {
        var result = DatePattern.Parse(text);
        return result.Success ? result.Value : throw error($"'{text}' is not a date in the form yyyy-MM-dd.");
    }

    private static (string Head, string Tail) SplitFirst(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    private static string Format(LocalDate date) => DatePattern.Format(date);

    [GeneratedRegex(@"^(?<year>\d{4})\.\d+$")]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"calendar-(?<year>\d{4})\b")]
    private static partial Regex FileNameYearRegex();
}
