using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Activity;
using SecondOpinion.Web.Infrastructure.Privacy;

namespace SecondOpinion.IntegrationTests;

public class PrivacyTests
{
    private const string Marker = "Quokkamoth";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_table_of_the_database_has_its_place_in_the_export()
    {
        await using var app = new TestApp();

        var types = await app.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.ClrType).ToList()));

        Assert.All(types, type => Assert.True(
            PersonalDataExport.Exported.Contains(type) || PersonalDataExport.NotPersonal.Contains(type),
            $"{type.Name} is a table with no place in the export: add it to PersonalDataExport (or to NotPersonal, if it holds nothing about a person)."));
    }

    [Fact]
    public async Task The_export_holds_everything_in_the_persons_plans_as_a_json_file_and_a_printable_page()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var client = new AppClient(app);
        await client.SignUpAsync(email, Token);
        var plan = Journeys.PlanPath((await client.StartPlanAsync(cancellationToken: Token)).Url);
        await client.FillEveryFieldAsync(app, plan, Marker, Token);
        var (helper, helperEmail) = await app.InvitedMemberAsync(client, plan, PlanRole.Caregiver, Token);
        await helper.GetAsync(plan, Token);
        await client.InviteAsync(plan, Journeys.NewEmail(), PlanRole.Viewer, Token);
        var (stranger, strangerPlan) = await app.SignedUpWithPlanAsync("Someone Else", cancellationToken: Token);
        stranger.Dispose();

        await app.AddPasskeyAsync(email, "Kitchen tablet");

        var page = await client.GetAsync("/account/export", Token);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        using var response = await client.Http.GetAsync("/account/export?handler=json", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore, response.ToString());
        var json = await response.Content.ReadAsStringAsync(Token);
        var export = JsonNode.Parse(json)!;
        Assert.Equal(email, (string?)export["Account"]!["Email"]);
        Assert.Equal("Kitchen tablet", (string?)export["Account"]!["Passkeys"]![0]!["Name"]);
        var exported = export["Plans"]!.AsArray().Single()!;
        Assert.Equal($"Patient {Marker}", (string?)exported["PatientName"]);
        Assert.Equal(6, exported["Steps"]!.AsArray().Count);
        Assert.Equal(2, exported["Questions"]!.AsArray().Count);
        Assert.Equal(2, exported["Reading list"]!.AsArray().Count);
        Assert.NotEmpty(exported["Records requests"]![0]!["History"]!.AsArray());
        Assert.Equal([email, helperEmail], exported["Members"]!.AsArray().Select(m => (string?)m!["Email"]));
        Assert.Equal(2, exported["InvitesYouMade"]!.AsArray().Count);
        Assert.Contains(exported["Activity"]!.AsArray(), line => (string?)line!["Who"] == helperEmail && (string?)line["What"] == "opened the plan");
        string[] typed =
        [
            $"Surgery for {Marker}", $"Step notes {Marker}", $"Doctor notes {Marker}", $"Covered {Marker}", $"REF-{Marker}",
            $"Records of {Marker} on the way", $"Power of attorney {Marker}", $"Answer about {Marker}", $"Deleted question {Marker}",
            $"Deleted reading {Marker}", $"{Marker} Clinic, room 4", $"{Marker}mycin", $"Operate on the {Marker}", $"Treat the {Marker}",
        ];
        Assert.All(typed, text => Assert.Contains(text, json, StringComparison.Ordinal));
        Assert.DoesNotContain("Someone Else", json, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.PlanId(strangerPlan).ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TokenHash", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);

        using var printable = await client.Http.GetAsync("/account/export?handler=html", Token);
        Assert.Equal("text/html", printable.Content.Headers.ContentType?.MediaType);
        Assert.True(printable.Headers.CacheControl?.NoStore);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await printable.Content.ReadAsStringAsync(Token));
        Assert.Equal($"Plan for Patient {Marker}", html.QuerySelectorAll("h2")[1].TextContent);
        Assert.All(typed, text => Assert.Contains(text, html.Body!.TextContent, StringComparison.Ordinal));
        Assert.Contains(html.QuerySelectorAll("h3"), h => h.TextContent == "Records requests");
        // Each download, file or page, is a security event the person sees.
        var account = await client.GetAsync("/account", Token);
        Assert.Equal(2, account.Document.QuerySelectorAll("ol.activity-list li")
            .Count(li => li.TextContent.StartsWith(SecurityEventWords.Describe(SecurityEventKind.DataDownloaded), StringComparison.Ordinal)));
        helper.Dispose();
    }

    [Fact]
    public async Task Deleting_an_account_leaves_nothing_of_the_person_in_any_table()
    {
        await using var app = new TestApp();
        var (person, email, plan, userId, friend, friendPlan, packet) = await app.PersonInEveryTableAsync(Marker, Token);
        using var _ = person;
        string[] traces = [userId, email, TestData.PlanId(plan).ToString(), Marker];

        var before = await app.RowsWithAsync(traces);
        var personalTables = await app.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => !PersonalDataExport.NotPersonal.Contains(e.ClrType)).Select(e => e.GetTableName()!).ToList()));
        Assert.All(personalTables, table => Assert.True(before[table] > 0, $"The test put nothing of the person in {table}."));

        var form = await person.GetAsync("/account/delete", Token);
        var done = await person.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Choices[0].Heir"] = DeleteModelChoice,
            ["Input.Password"] = Journeys.Password,
        }, cancellationToken: Token);

        Assert.Equal("/", done.Url.AbsolutePath + done.ErrorSummary);
        Assert.Contains("Your account and your data are deleted.", done.Text, StringComparison.Ordinal);
        // Operators can count deletions: one event that names no one.
        var deletion = await app.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.AccountDeleted, Token));
        Assert.Null(deletion.UserId);
        var farewell = app.Emails()[^1];
        Assert.Equal(email, farewell.To.ToString());
        Assert.Equal("Your SecondOpinion account is deleted", farewell.Subject);
        Assert.Contains("Your SecondOpinion account is deleted, with the plans you alone owned", farewell.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, farewell.TextBody, StringComparison.Ordinal);
        var after = await app.RowsWithAsync(traces);
        Assert.All(after, table => Assert.True(table.Value == 0, $"{table.Value} rows in {table.Key} still hold something of the person."));
        var friendsPlan = await friend.GetAsync(friendPlan, Token);
        Assert.Equal(HttpStatusCode.OK, friendsPlan.Status);
        using (var office = new AppClient(app))
        {
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(packet, Token)).Status);
        }

        Assert.True(await app.QueryAsync(db => db.PlanActivities.AnyAsync(a => a.PlanId == TestData.PlanId(friendPlan) && a.ActorUserId == null, Token)));
        var signedOut = await person.GetAsync("/plans", Token);
        Assert.Equal("/account/sign-in", signedOut.Url.AbsolutePath);
        friend.Dispose();
    }

    [Fact]
    public async Task An_owner_deleting_their_account_can_hand_a_shared_plan_to_its_caregiver()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var person = new AppClient(app);
        await person.SignUpAsync(email, Token);
        var plan = Journeys.PlanPath((await person.StartPlanAsync("Maria Lopez", cancellationToken: Token)).Url);
        await person.AddQuestionAsync(plan, "Is it curable?", Token);
        var (caregiver, caregiverEmail) = await app.InvitedMemberAsync(person, plan, PlanRole.Caregiver, Token);
        using var _ = caregiver;
        var userId = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Token));

        var form = await person.GetAsync("/account/delete", Token);
        var choice = form.Document.QuerySelectorAll("input[name='Input.Choices[0].Heir']").Select(r => r.GetAttribute("value")!).ToList();
        Assert.Equal(2, choice.Count);
        Assert.Contains($"Give it to {caregiverEmail}. They become its owner.", form.Text, StringComparison.Ordinal);
        await person.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Choices[0].Heir"] = choice[1],
            ["Input.Password"] = Journeys.Password,
        }, cancellationToken: Token);

        var sharing = await caregiver.GetAsync($"{plan}/sharing", Token);
        Assert.Equal(HttpStatusCode.OK, sharing.Status);
        var questions = await caregiver.GetAsync($"{plan}/questions", Token);
        Assert.Equal(["Is it curable?"], questions.QuestionTexts());
        var activity = await caregiver.GetAsync($"{plan}/activity", Token);
        Assert.Contains(ActivityPhrases.HandedOverAtAccountDeletion, activity.Text, StringComparison.Ordinal);
        var after = await app.RowsWithAsync(userId, email);
        Assert.All(after, table => Assert.True(table.Value == 0, $"{table.Value} rows in {table.Key} still hold the person's id or email."));
    }

    [Fact]
    public async Task Deleting_an_account_says_what_goes_and_needs_the_password_and_a_choice_for_a_shared_plan()
    {
        await using var app = new TestApp();
        var (person, plan) = await app.SignedUpWithPlanAsync("Maria Lopez", cancellationToken: Token);
        using var _ = person;
        await person.AddQuestionAsync(plan, "Is it curable?", Token);
        await person.AddQuestionAsync(plan, "What if I wait?", Token);
        await person.AddDoctorAsync(plan, "Dr. Chen", cancellationToken: Token);
        var (caregiver, _) = await app.InvitedMemberAsync(person, plan, PlanRole.Caregiver, Token);
        caregiver.Dispose();

        var form = await person.GetAsync("/account/delete", Token);
        var lines = form.Document.QuerySelectorAll("main section li").Select(li => li.TextContent).ToList();
        Assert.Contains("2 questions", lines);
        Assert.Contains("1 doctor", lines);
        Assert.Contains("1 other person's access", lines);

        var noPassword = await person.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Choices[0].Heir"] = DeleteModelChoice }, cancellationToken: Token);
        Assert.Equal("Type your password, to show it is you.", noPassword.FieldError("Input_Password"));
        var noChoice = await person.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Password"] = Journeys.Password }, cancellationToken: Token);
        Assert.Equal("Choose what happens to this plan.", noChoice.FieldError("Input_Choices_0__Heir"));
        var wrong = await person.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Choices[0].Heir"] = "someone-else",
            ["Input.Password"] = "not my password at all",
        }, cancellationToken: Token);
        Assert.Equal("Choose what happens to this plan.", wrong.FieldError("Input_Choices_0__Heir"));
        var wrongPassword = await person.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Choices[0].Heir"] = DeleteModelChoice,
            ["Input.Password"] = "not my password at all",
        }, cancellationToken: Token);
        Assert.Equal("That is not your password. Type the password you sign in with.", wrongPassword.FieldError("Input_Password"));

        Assert.Equal(2, await app.QueryAsync(db => db.Users.CountAsync(Token)));
        Assert.Equal(2, await app.QueryAsync(db => db.Questions.CountAsync(Token)));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(plan, Token)).Status);
    }

    [Fact]
    public async Task An_owner_deletes_a_plan_with_everything_in_it_and_no_one_else_can()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        await owner.FillEveryFieldAsync(app, plan, Marker, Token);
        var (caregiver, _) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;
        var (other, otherPlan) = await app.SignedUpWithPlanAsync("Someone Else", cancellationToken: Token);
        using var ___ = other;

        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.GetAsync($"{plan}/delete", Token)).Status);
        var forged = await caregiver.PostAsync($"{plan}/delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = await caregiver.AntiforgeryTokenAsync(Token) }, Token);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        var confirm = await owner.GetAsync($"{plan}/delete", Token);
        Assert.Equal($"Delete Plan for Patient {Marker}?", confirm.Heading);
        var lines = confirm.Document.QuerySelectorAll("main ul li").Select(li => li.TextContent).ToList();
        Assert.Contains("2 questions", lines);
        Assert.Contains("2 places to read", lines);
        Assert.Contains("1 records request", lines);
        var deleted = await owner.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);

        Assert.Equal("/plans", deleted.Url.AbsolutePath);
        Assert.Contains($"Plan for Patient {Marker} is deleted, with everything in it.", deleted.Text, StringComparison.Ordinal);
        var left = await app.RowsWithAsync(TestData.PlanId(plan).ToString(), Marker);
        Assert.All(left, table => Assert.True(table.Value == 0, $"{table.Value} rows in {table.Key} are left of the deleted plan."));
        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.GetAsync(plan, Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(otherPlan, Token)).Status);
    }

    [Fact]
    public async Task A_marker_in_every_field_never_reaches_the_logs_or_any_file_but_the_database()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        app.Settings["Logging:FilePath"] = Path.Combine(app.Folder, "logs", "app.log");
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.FillEveryFieldAsync(app, plan, Marker, Token);
        var (caregiver, _) = await app.InvitedMemberAsync(client, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;

        await client.OpenEveryPageAsync(app, plan, Token);
        await caregiver.OpenEveryPageAsync(app, plan, Token);
        using (await client.Http.GetAsync($"{plan}/questions?search={Marker}", Token))
        {
        }

        Assert.Contains(app.Logs.Lines, line => line.Contains("/records/1/print", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase));
        var files = Directory.GetFiles(app.Folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(Path.GetFileName(app.DatabasePath), StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.StartsWith(app.MailFolder, StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("logs", StringComparison.Ordinal));
        Assert.All(files, file => Assert.DoesNotContain(Marker, File.ReadAllText(file), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_link_token_in_the_path_never_reaches_any_log_property()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        using var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: Token);
        var (token, _) = SecondOpinion.Web.Infrastructure.SecretTokens.New();

        await client.GetAsync($"/invites/{token}", Token);

        Assert.Contains(app.Logs.Lines, line => line.Contains("/invites/{token}", StringComparison.Ordinal) && line.Contains("RequestPath", StringComparison.Ordinal));
        Assert.All(app.Logs.Lines, line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Data_protection_keys_are_kept_beside_the_database_and_encrypted_with_the_configured_certificate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "secondopinion-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var certificatePath = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=SecondOpinion keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "certificate password"), Token);
        }

        string protectedText;
        await using (var first = WithCertificate(new TestApp(folder: folder), certificatePath))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("still readable");
        }

        var keys = Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            var xml = File.ReadAllText(key);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        await using (var restarted = WithCertificate(new TestApp(folder: folder), certificatePath))
        {
            Assert.Equal("still readable", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Without_a_certificate_the_keys_are_kept_in_the_configured_folder()
    {
        await using var app = new TestApp();
        var folder = Path.Combine(app.Folder, "elsewhere");
        app.Settings["DataProtection:KeysFolder"] = folder;

        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("text");

        Assert.Contains("<masterKey", File.ReadAllText(Assert.Single(Directory.GetFiles(folder, "key-*.xml"))), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.Folder, "keys")));
    }

    private static TestApp WithCertificate(TestApp app, string certificatePath)
    {
        app.Settings["DataProtection:CertificatePath"] = certificatePath;
        app.Settings["DataProtection:CertificatePassword"] = "certificate password";
        return app;
    }

    private const string DeleteModelChoice = SecondOpinion.Web.Pages.Account.DeleteModel.DeleteChoice;
}
