using Cases.GraphQL.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace Cases.GraphQL.Tests.Media;

/// <summary>The API fixture with its photos' bytes in an S3 bucket (<c>Media:Store=s3</c>) served by <see cref="S3Emulator"/>.</summary>
public sealed class S3ApiFixture : ApiFixture
{
    public const string Bucket = "cases-media";
    public S3Emulator S3 { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        S3 = await S3Emulator.StartAsync(Bucket);
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder) => UseS3(builder, S3.ServiceUrl, Bucket);

    /// <summary>The settings an operator writes to put the media in a bucket.</summary>
    public static void UseS3(IWebHostBuilder builder, string serviceUrl, string bucket)
    {
        builder.UseSetting("Media:Store", "s3");
        builder.UseSetting("Media:S3:ServiceUrl", serviceUrl);
        builder.UseSetting("Media:S3:Bucket", bucket);
        builder.UseSetting("Media:S3:AccessKey", S3Emulator.AccessKey);
        builder.UseSetting("Media:S3:SecretKey", S3Emulator.SecretKey);
        builder.UseSetting("Media:S3:ForcePathStyle", "true");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await S3.DisposeAsync();
    }
}
