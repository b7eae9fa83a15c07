using Cases.Sla;
using NodaTime;

namespace Cases.Tests.Sla;

public class SlaPoliciesTests
{
    private static readonly SlaPolicies Policies = SlaData.Policies();

    [Fact]
    public void Every_field_report_category_of_the_design_has_a_policy()
    {
        Assert.Equal(
            ["construction_order", "official_misconduct", "public_order", "sanitation_environment", "tourism_service", "traffic_infrastructure", "urban_infrastructure"],
            Policies.Categories(SlaCaseKind.FieldReport));
    }

    [Fact]
    public void A_field_report_policy_gives_limits_per_priority()
    {
        var policy = Assert.IsType<SlaPolicy.FieldReport>(Policies.For(SlaCaseKind.FieldReport, "public_order"));

        Assert.Equal(SlaCaseKind.FieldReport, policy.Kind);
        Assert.Equal(new FieldReportLimits(Duration.FromHours(2), Duration.FromHours(2), Duration.FromHours(16)), policy.Limits(SlaPriority.Normal));
        Assert.Equal(new FieldReportLimits(Duration.FromMinutes(30), Duration.FromMinutes(30), Duration.FromHours(4)), policy.Limits(SlaPriority.Urgent));
        Assert.Equal(SlaInformationEffect.Pause, policy.OnInformationRequest);
        Assert.Equal(new WarningThreshold.BeforeDue(Duration.FromHours(2)), policy.Warning);
    }

    [Fact]
    public void Urgent_limits_are_never_looser_than_normal_ones()
    {
        Assert.All(Policies.All.OfType<SlaPolicy.FieldReport>(), p =>
        {
            Assert.True(p.Urgent.Verify <= p.Normal.Verify, p.Category);
            Assert.True(p.Urgent.Accept <= p.Normal.Accept, p.Category);
            Assert.True(p.Urgent.Resolve <= p.Normal.Resolve, p.Category);
        });
    }

    [Theory]
    [InlineData("construction_permit", 15, SlaInformationEffect.Restart)]
    [InlineData("business_registration", 3, SlaInformationEffect.Restart)]
    [InlineData("birth_registration", 0, SlaInformationEffect.Pause)]
    [InlineData("judicial_record", 10, SlaInformationEffect.Pause)]
    public void A_dossier_policy_gives_the_statutory_working_days(string category, int days, SlaInformationEffect effect)
    {
        var policy = Assert.IsType<SlaPolicy.Dossier>(Policies.For(SlaCaseKind.Dossier, category));

        Assert.Equal(days, policy.StatutoryWorkingDays);
        Assert.Equal(effect, policy.OnInformationRequest);
    }

    [Fact]
    public void An_unknown_category_is_a_typed_error()
    {
        var error = Assert.Throws<UnknownSlaCategoryException>(() => Policies.For(SlaCaseKind.FieldReport, "weather"));

        Assert.Equal(SlaCaseKind.FieldReport, error.Kind);
        Assert.Equal("weather", error.Category);
    }

    [Fact]
    public void A_category_of_the_other_kind_is_unknown()
    {
        Assert.Throws<UnknownSlaCategoryException>(() => Policies.For(SlaCaseKind.Dossier, "public_order"));
    }

    [Fact]
    public void The_catalogue_has_a_version()
    {
        Assert.Equal("2026.1", Policies.Version);
    }

    [Fact]
    public void The_embedded_catalogue_is_the_file_in_the_source_tree()
    {
        // Fails until Cases.csproj has <EmbeddedResource Include="Sla/Data/**" />.
        var embedded = SlaPolicies.LoadEmbedded();

        Assert.Equal(Policies.Version, embedded.Version);
        Assert.Equal(Policies.All.OrderBy(p => p.Category), embedded.All.OrderBy(p => p.Category));
    }
}
