using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// What only PostgreSQL does: several instances on one database, the keys in it, and the copy
/// from SQLite. They need the server that <c>./test.sh</c> starts, so they run in its PostgreSQL
/// run only (the trait).
/// </summary>
[Trait("Database", "PostgreSql")]
public class PostgreSqlTests
{
    private const string Marker = "Quokkamoth";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_on_one_database_serve_a_person_whichever_one_answers()
    {
        await using var first = new TestApp();
        await using var second = new TestApp(sameDatabaseAs: first);
        using var onFirst = new AppClient(first);
        using var onSecond = new AppClient(second);

        // Signed in on the first instance, the person goes on on the second.
        await onFirst.SignUpAsync(cancellationToken: Token);
        var plan = Journeys.PlanPath((await onFirst.StartPlanAsync("Ana Ruiz", cancellationToken: Token)).Url);
        var step = await onFirst.GetAsync($"{plan}/steps/3", Token);
        onSecond.Cookies.Add(onFirst.Cookies.GetAllCookies());
        var home = await onSecond.GetAsync(plan, Token);
        Assert.Equal("Plan for Ana Ruiz", home.Heading);

        // A form the first instance drew (its antiforgery token) is accepted by the second.
        var saved = await onSecond.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Status"] = "InProgress", ["Input.Notes"] = "Call on Monday" }, cancellationToken: Token);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Saved. Step 3 is in progress.", saved.Text, StringComparison.Ordinal);

        // A packet link made on the second opens on the first, for someone with no account.
        var (_, packet) = await onSecond.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(first);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(packet, Token)).Status);

        // Each instance answers its own health check.
        foreach (var instance in new[] { first, second })
        {
            using var health = await instance.CreateClient().GetAsync("/health", Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task The_keys_are_in_the_database_encrypted_with_the_configured_certificate_and_shared_by_every_instance()
    {
        await using var first = new TestApp();
        var certificatePath = Path.Combine(first.Folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=SecondOpinion keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "certificate password"), Token);
        }

        await using var second = new TestApp(sameDatabaseAs: first);
        foreach (var instance in new[] { first, second })
        {
            instance.Settings["DataProtection:CertificatePath"] = certificatePath;
            instance.Settings["DataProtection:CertificatePassword"] = "certificate password";
        }

        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("still readable");

        Assert.Equal("still readable", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        var keys = await first.QueryAsync(db => ((PostgreSqlAppDbContext)db).DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Token));
        var xml = Assert.Single(keys);
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(first.Folder, "keys")));
        Assert.False(Directory.Exists(Path.Combine(second.Folder, "keys")));
    }

    [Fact]
    public async Task The_copy_command_copies_every_table_of_an_sqlite_database_into_an_empty_postgresql_one()
    {
        await using var source = new TestApp(provider: DatabaseProvider.Sqlite);
        var (person, email, plan, _, friend, _, _) = await source.PersonInEveryTableAsync(Marker, Token);
        person.Dispose();
        friend.Dispose();
        await using var target = new TestApp();
        var before = await target.RowCountsAsync();
        Assert.All(before, table => Assert.Equal(0, table.Value));

        var (exitCode, output) = await source.RunCommandAsync("copy-to-postgresql", target.ConnectionString);

        Assert.True(exitCode == 0, output);
        var copied = await source.RowCountsAsync();
        Assert.All(copied, table => Assert.True(table.Value > 0, $"The test put nothing in {table.Key}."));
        Assert.Equal(copied, await target.RowCountsAsync());
        // The person signs in on the PostgreSQL app with the same password and finds their plan.
        using var again = new AppClient(target);
        await again.SignInAsync(email, cancellationToken: Token);
        var home = await again.GetAsync(plan, Token);
        Assert.Equal($"Plan for Patient {Marker}", home.Heading);
        var questions = await again.GetAsync($"{plan}/questions", Token);
        Assert.Contains($"Is {Marker} curable?", questions.Text, StringComparison.Ordinal);
        // New rows get new ids after the copied ones.
        var added = await again.AddQuestionAsync(plan, "Who else should I see?", Token);
        Assert.Contains("Who else should I see?", added.Text, StringComparison.Ordinal);
        Assert.Equal(copied["Questions"] + 1, (await target.RowCountsAsync())["Questions"]);

        var (secondExitCode, secondOutput) = await source.RunCommandAsync("copy-to-postgresql", target.ConnectionString);
        Assert.Equal(1, secondExitCode);
        Assert.Contains("already has rows", secondOutput, StringComparison.Ordinal);
    }
}
