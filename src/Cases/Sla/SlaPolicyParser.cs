using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Cases.Sla;

/// <summary>
/// Reads the SLA policy catalogue. The format is line oriented; <c>#</c> starts a comment line:
/// <code>
/// version 2026.1                                  first directive, exactly once
/// reply 10d                                       working days a citizen has to answer a request for information; exactly once
/// category FieldReport public_order               declares a category; every declared category needs a policy
/// policy FieldReport public_order verify=2h accept=2h resolve=16h urgent-verify=30m urgent-accept=30m urgent-resolve=4h information=pause warning=80%
/// policy Dossier business_registration statutory=3d accept=4h information=restart warning=before:4h
/// </code>
/// Durations are working time: <c>4h</c>, <c>30m</c>, <c>1h30m</c>. <c>statutory</c> is in working days
/// (<c>0d</c> = same day); a dossier's <c>accept</c> is the working time to accept an assignment. <c>information</c> is <c>pause</c> or <c>restart</c>. <c>warning</c> is a share of the
/// allowed time (<c>80%</c>) or a working time before the due time (<c>before:4h</c>).
/// Every problem throws <see cref="PolicyDataException"/> naming the file and the 1-based line: an unknown
/// directive, kind or key, a missing, repeated or malformed value, a category declared or given a policy twice,
/// a policy for an undeclared category, and (at the end) a declared category without a policy, named at its
/// declaration line.
/// </summary>
public static partial class SlaPolicyParser
{
    private static readonly string[] FieldReportKeys =
        ["verify", "accept", "resolve", "urgent-verify", "urgent-accept", "urgent-resolve", "information", "warning"];

    private static readonly string[] DossierKeys = ["statutory", "accept", "information", "warning"];

    public static SlaPolicies Parse(string fileName, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reader);

        string? version = null;
        int? replyDays = null;
        var declaredOn = new Dictionary<(SlaCaseKind, string), int>();
        var policyOn = new Dictionary<(SlaCaseKind, string), int>();
        var policies = new Dictionary<(SlaCaseKind, string), SlaPolicy>();
        var lineNumber = 0;

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            PolicyDataException Error(string problem) => new(fileName, lineNumber, problem);

            switch (words[0])
            {
                case "version":
                    if (version is not null)
                    {
                        throw Error("'version' is given twice.");
                    }

                    if (words.Length != 2 || !VersionRegex().IsMatch(words[1]))
                    {
                        throw Error("Expected 'version <year>.<revision>', e.g. 'version 2026.1'.");
                    }

                    version = words[1];
                    break;

                case "reply":
                    RequireVersion(version, words[0], Error);
                    if (replyDays is not null)
                    {
                        throw Error("'reply' is given twice.");
                    }

                    replyDays = words.Length == 2
                        ? WorkingDays("reply", words[1], Error)
                        : throw Error("Expected 'reply <working days>d', e.g. 'reply 10d'.");
                    break;

                case "category":
                {
                    RequireVersion(version, words[0], Error);
                    if (words.Length != 3)
                    {
                        throw Error("Expected 'category <kind> <category>'.");
                    }

                    var key = (ParseKind(words[1], Error), ParseCategory(words[2], Error));
                    if (declaredOn.TryGetValue(key, out var earlier))
                    {
                        throw Error($"Category {words[1]} {words[2]} is already declared on line {earlier}.");
                    }

                    declaredOn.Add(key, lineNumber);
                    break;
                }

                case "policy":
                {
                    RequireVersion(version, words[0], Error);
                    if (words.Length < 3)
                    {
                        throw Error("Expected 'policy <kind> <category> key=value ...'.");
                    }

                    var key = (ParseKind(words[1], Error), ParseCategory(words[2], Error));
                    if (!declaredOn.ContainsKey(key))
                    {
                        throw Error($"Policy for {words[1]} {words[2]}, which no 'category' line declares above.");
                    }

                    if (policyOn.TryGetValue(key, out var earlier))
                    {
                        throw Error($"A policy for {words[1]} {words[2]} is already given on line {earlier}.");
                    }

                    var values = ParseValues(words.AsSpan(3), key.Item1 == SlaCaseKind.FieldReport ? FieldReportKeys : DossierKeys, Error);
                    policies.Add(key, key.Item1 == SlaCaseKind.FieldReport
                        ? new SlaPolicy.FieldReport(
                            key.Item2,
                            new FieldReportLimits(Limit(values, "verify", Error), Limit(values, "accept", Error), Limit(values, "resolve", Error)),
                            new FieldReportLimits(Limit(values, "urgent-verify", Error), Limit(values, "urgent-accept", Error), Limit(values, "urgent-resolve", Error)),
                            Information(values["information"], Error),
                            Warning(values["warning"], Error))
                        : new SlaPolicy.Dossier(
                            key.Item2,
                            WorkingDays("statutory", values["statutory"], Error),
                            Limit(values, "accept", Error),
                            Information(values["information"], Error),
                            Warning(values["warning"], Error)));
                    policyOn.Add(key, lineNumber);
                    break;
                }

                default:
                    throw Error($"Unknown directive '{words[0]}'; expected 'version', 'reply', 'category' or 'policy'.");
            }
        }

        if (version is null)
        {
            throw new PolicyDataException(fileName, Math.Max(lineNumber, 1), "The file has no 'version' line.");
        }

        if (replyDays is null)
        {
            throw new PolicyDataException(fileName, Math.Max(lineNumber, 1), "The file has no 'reply <working days>d' line.");
        }

        foreach (var (key, declared) in declaredOn.OrderBy(d => d.Value))
        {
            if (!policies.ContainsKey(key))
            {
                throw new PolicyDataException(fileName, declared, $"Category {key.Item1} {key.Item2} is declared but has no policy.");
            }
        }

        return new SlaPolicies(version, replyDays.Value, policies);
    }

    /// <summary>Formats a working-time duration the way the file writes it, e.g. <c>1h30m</c>.</summary>
    public static string FormatDuration(Duration duration)
    {
        var minutes = (long)duration.TotalMinutes;
        return (minutes / 60, minutes % 60) switch
        {
            (0, var m) => $"{m}m",
            (var h, 0) => $"{h}h",
            var (h, m) => $"{h}h{m}m",
        };
    }

    private static void RequireVersion(string? version, string directive, Func<string, PolicyDataException> error)
    {
        if (version is null)
        {
            throw error($"Expected 'version <year>.<revision>' before '{directive}'.");
        }
    }

    private static SlaCaseKind ParseKind(string text, Func<string, PolicyDataException> error) => text switch
    {
        "FieldReport" => SlaCaseKind.FieldReport,
        "Dossier" => SlaCaseKind.Dossier,
        _ => throw error($"Unknown case kind '{text}'; expected FieldReport or Dossier."),
    };

    private static string ParseCategory(string text, Func<string, PolicyDataException> error) =>
        CategoryRegex().IsMatch(text) ? text : throw error($"'{text}' is not a category name (lower case, digits and '_').");

    private static Dictionary<string, string> ParseValues(ReadOnlySpan<string> pairs, string[] allowed, Func<string, PolicyDataException> error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw error($"'{pair}' is not key=value.");
            }

            var key = pair[..equals];
            if (!allowed.Contains(key))
            {
                throw error($"Unknown key '{key}'; expected {string.Join(", ", allowed)}.");
            }

            if (!values.TryAdd(key, pair[(equals + 1)..]))
            {
                throw error($"'{key}' is given twice.");
            }
        }

        var missing = allowed.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw error($"Missing {string.Join(", ", missing)}.");
        }

        return values;
    }

    private static Duration Limit(Dictionary<string, string> values, string key, Func<string, PolicyDataException> error)
    {
        var duration = ParseDuration(values[key]);
        return duration is { } d && d > Duration.Zero
            ? d
            : throw error($"{key}={values[key]} is not a positive working time such as 4h, 30m or 1h30m.");
    }

    private static Duration? ParseDuration(string text)
    {
        var match = DurationRegex().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return Duration.FromHours(hours) + Duration.FromMinutes(minutes);
    }

    private static int WorkingDays(string key, string text, Func<string, PolicyDataException> error)
    {
        var match = WorkingDaysRegex().Match(text);
        return match.Success
            ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture)
            : throw error($"{key}={text} is not a number of working days such as 15d (0d: the same day).");
    }

    private static SlaInformationEffect Information(string text, Func<string, PolicyDataException> error) => text switch
    {
        "pause" => SlaInformationEffect.Pause,
        "restart" => SlaInformationEffect.Restart,
        _ => throw error($"information={text}; expected pause or restart."),
    };

    private static WarningThreshold Warning(string text, Func<string, PolicyDataException> error)
    {
        var percent = PercentRegex().Match(text);
        if (percent.Success)
        {
            var value = int.Parse(percent.Groups["p"].Value, CultureInfo.InvariantCulture);
            return value is >= 1 and <= 99
                ? new WarningThreshold.PercentOfAllowedTime(value)
                : throw error($"warning={text}: a percentage is between 1% and 99%.");
        }

        if (text.StartsWith("before:", StringComparison.Ordinal) && ParseDuration(text["before:".Length..]) is { } lead && lead > Duration.Zero)
        {
            return new WarningThreshold.BeforeDue(lead);
        }

        throw error($"warning={text}; expected a percentage such as 80% or a working time before due such as before:4h.");
    }

    [GeneratedRegex(@"^\d{4}\.\d+$")]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex CategoryRegex();

    [GeneratedRegex(@"^(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,4})m)?$")]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^(?<d>\d{1,3})d$")]
    private static partial Regex WorkingDaysRegex();

    [GeneratedRegex(@"^(?<p>\d{1,3})%$")]
    private static partial Regex PercentRegex();
}
