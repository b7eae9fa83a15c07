using Cases.GraphQL.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// The API fixture with e-mail notifications to a real smtp4dev, a short coalescing window (2 s), and the agency
/// hepco given a notification address.
/// </summary>
public class NotificationsFixture : ApiFixture
{
    public const string HepcoEmail = "dieuhanh@hepco.test", HepcoEscalation = "giamdoc@hepco.test", OnDuty = "truc-ban@ioc.test";
    public Smtp4dev Smtp { get; private set; } = null!;

    /// <summary>The SMTP port the app is told to use: smtp4dev's, unless a derived fixture points it elsewhere.</summary>
    protected virtual int SmtpPort => Smtp.SmtpPort;

    public override async Task InitializeAsync()
    {
        Smtp = await Smtp4dev.StartAsync();
        await base.InitializeAsync();
        await Database.ExecAsync("update cases.agencies set notify_email = $1, escalation_email = $2 where id = 'hepco'", HepcoEmail, HepcoEscalation);
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", SmtpPort.ToString());
        builder.UseSetting("Notifications:Smtp:From", "thongbao@ioc.hue.test");
        builder.UseSetting("Notifications:Smtp:Tls", "None");
        builder.UseSetting("Notifications:Smtp:TimeoutSeconds", "5");
        builder.UseSetting("Notifications:CoalesceSeconds", "2");
        builder.UseSetting("Notifications:PublicBaseUrl", "http://cases.test");
        builder.UseSetting("Notifications:OnDutyEmail", OnDuty);
        builder.UseSetting("Notifications:UrgentCategories:0", "public_order");
        // The digest is sent by the tests for the day they name, not by the daily timer.
        builder.UseSetting("Notifications:Digest:Enabled", "false");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
