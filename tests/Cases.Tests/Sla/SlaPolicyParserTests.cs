using Cases.Sla;
using NodaTime;

namespace Cases.Tests.Sla;

public class SlaPolicyParserTests
{
    private const string FileName = "policies.txt";
    private const string FieldReportValues = "verify=4h accept=4h resolve=40h urgent-verify=1h urgent-accept=1h urgent-resolve=8h information=pause warning=80%";

    private static SlaPolicies Parse(params string[] lines) =>
        SlaPolicies.Parse(FileName, new StringReader(string.Join("\n", lines)));

    [Fact]
    public void A_well_formed_catalogue_gives_one_policy_per_declared_category()
    {
        var policies = Parse(
            "version 2026.1",
            "reply 5d",
            "category FieldReport public_order",
            "category Dossier birth_registration",
            "policy FieldReport public_order verify=1h30m accept=2h resolve=16h urgent-verify=30m urgent-accept=30m urgent-resolve=4h information=restart warning=before:2h",
            "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=75%");

        var report = Assert.IsType<SlaPolicy.FieldReport>(policies.For(SlaCaseKind.FieldReport, "public_order"));
        Assert.Equal(Duration.FromMinutes(90), report.Normal.Verify);
        Assert.Equal(SlaInformationEffect.Restart, report.OnInformationRequest);
        var dossier = Assert.IsType<SlaPolicy.Dossier>(policies.For(SlaCaseKind.Dossier, "birth_registration"));
        Assert.Equal(0, dossier.StatutoryWorkingDays);
        Assert.Equal(Duration.FromHours(1), dossier.Accept);
        Assert.Equal(new WarningThreshold.PercentOfAllowedTime(75), dossier.Warning);
        Assert.Equal(5, policies.InformationReplyWorkingDays);
    }

    [Theory]
    [InlineData(3, "declared but has no policy", "version 2026.1", "reply 10d", "category FieldReport public_order", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=80%")]
    [InlineData(4, "already declared on line 3", "version 2026.1", "reply 10d", "category Dossier birth_registration", "category Dossier birth_registration")]
    [InlineData(5, "already given on line 4", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=80%", "policy Dossier birth_registration statutory=1d accept=1h information=pause warning=80%")]
    [InlineData(3, "no 'category' line declares", "version 2026.1", "reply 10d", "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=80%")]
    [InlineData(4, "Unknown key 'verify'", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h verify=4h information=pause warning=80%")]
    [InlineData(4, "Missing warning", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=pause")]
    [InlineData(4, "'statutory' is given twice", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h statutory=1d information=pause warning=80%")]
    [InlineData(4, "statutory=3 is not a number of working days", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=3 accept=1h information=pause warning=80%")]
    [InlineData(4, "information=wait", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=wait warning=80%")]
    [InlineData(4, "between 1% and 99%", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=100%")]
    [InlineData(4, "warning=soon", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=soon")]
    [InlineData(4, "'statutory' is not key=value", "version 2026.1", "reply 10d", "category Dossier birth_registration", "policy Dossier birth_registration statutory information=pause warning=80%")]
    [InlineData(4, "verify=4 is not a positive working time", "version 2026.1", "reply 10d", "category FieldReport public_order", "policy FieldReport public_order verify=4 accept=4h resolve=40h urgent-verify=1h urgent-accept=1h urgent-resolve=8h information=pause warning=80%")]
    [InlineData(4, "resolve=0h is not a positive working time", "version 2026.1", "reply 10d", "category FieldReport public_order", "policy FieldReport public_order verify=4h accept=4h resolve=0h urgent-verify=1h urgent-accept=1h urgent-resolve=8h information=pause warning=80%")]
    [InlineData(4, "Missing urgent-resolve", "version 2026.1", "reply 10d", "category FieldReport public_order", "policy FieldReport public_order verify=4h accept=4h resolve=40h urgent-verify=1h urgent-accept=1h information=pause warning=80%")]
    [InlineData(3, "Unknown case kind 'Report'", "version 2026.1", "reply 10d", "category Report public_order")]
    [InlineData(3, "not a category name", "version 2026.1", "reply 10d", "category FieldReport Public-Order")]
    [InlineData(3, "Expected 'category <kind> <category>'", "version 2026.1", "reply 10d", "category FieldReport")]
    [InlineData(3, "Unknown directive 'polcy'", "version 2026.1", "reply 10d", "polcy Dossier birth_registration statutory=0d")]
    [InlineData(1, "before 'category'", "category Dossier birth_registration")]
    [InlineData(3, "given twice", "version 2026.1", "reply 10d", "version 2026.2")]
    [InlineData(1, "Expected 'version <year>.<revision>'", "version one")]
    [InlineData(1, "no 'version' line", "")]
    [InlineData(3, "no 'reply <working days>d' line", "version 2026.1", "category Dossier birth_registration", "policy Dossier birth_registration statutory=0d accept=1h information=pause warning=80%")]
    [InlineData(3, "'reply' is given twice", "version 2026.1", "reply 10d", "reply 5d")]
    [InlineData(2, "reply=ten is not a number of working days", "version 2026.1", "reply ten")]
    [InlineData(1, "before 'reply'", "reply 10d")]
    public void A_malformed_catalogue_is_refused_naming_the_file_and_line(int line, string problem, params string[] lines)
    {
        var error = Assert.Throws<PolicyDataException>(() => Parse(lines));

        Assert.Equal(FileName, error.FileName);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{FileName}({line}): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_report_line_with_every_key_is_accepted()
    {
        var policies = Parse("version 2026.1", "reply 10d", "category FieldReport public_order", $"policy FieldReport public_order {FieldReportValues}");

        Assert.Equal(Duration.FromHours(40), ((SlaPolicy.FieldReport)policies.For(SlaCaseKind.FieldReport, "public_order")).Normal.Resolve);
    }
}
