using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.TestSupport;

/// <summary>
/// For the privacy tests: a plan with a marker in every free-text field, typed through the real
/// pages; every page of a plan opened; and a look into every table of the database.
/// </summary>
public static class PrivacyJourneys
{
    /// <summary>
    /// Fills every tool of the plan through its pages, with <paramref name="marker"/> in each
    /// free-text field (phone numbers, dates and web addresses only where their rules allow it).
    /// One question and one reading item are deleted again, so a soft-deleted row exists too.
    /// </summary>
    public static async Task FillEveryFieldAsync(this AppClient client, TestApp app, string plan, string marker, CancellationToken cancellationToken = default)
    {
        var details = await client.GetAsync($"{plan}/details", cancellationToken);
        await client.SubmitAsync(details, new Dictionary<string, string?>
        {
            ["Input.For"] = nameof(PlanFor.SomeoneIHelp),
            ["Input.PatientName"] = $"Patient {marker}",
            ["Input.PatientDateOfBirth"] = "1948-03-15",
            ["Input.About"] = $"Surgery for {marker}",
        }, cancellationToken: cancellationToken);
        foreach (var step in Enum.GetValues<Step>())
        {
            var page = await client.GetAsync($"{plan}/steps/{(int)step}", cancellationToken);
            await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Notes"] = $"Step notes {marker}", ["Input.Status"] = "InProgress" }, cancellationToken: cancellationToken);
        }

        var doctor = await client.GetAsync($"{plan}/doctor", cancellationToken);
        var doctors = await client.SubmitAsync(doctor, new Dictionary<string, string?>
        {
            ["Input.Name"] = $"Dr. {marker}",
            ["Input.Specialty"] = $"{marker} surgery",
            ["Input.Practice"] = $"{marker} Practice",
            ["Input.Address"] = $"1 {marker} Road",
            ["Input.Phone"] = "(217) 555-0100",
            ["Input.Source"] = "MyDoctor",
            ["Input.RecommendedBy"] = $"Nurse {marker}",
            ["Input.Notes"] = $"Doctor notes {marker}",
        }, cancellationToken: cancellationToken);
        var doctorId = await app.DoctorIdAsync(plan, $"Dr. {marker}", cancellationToken);
        await client.SubmitAsync(doctors, new Dictionary<string, string?>(), $"#doctor-{doctorId} form", cancellationToken);

        var insurance = await client.GetAsync($"{plan}/insurance", cancellationToken);
        await client.SubmitAsync(insurance, new Dictionary<string, string?> { ["Input.Kind"] = "OriginalMedicare" }, cancellationToken: cancellationToken);
        var call = await client.GetAsync($"{plan}/insurance/call", cancellationToken);
        await client.SubmitAsync(call, new Dictionary<string, string?>
        {
            ["Input.Company"] = $"{marker} Health",
            ["Input.SpokeTo"] = $"Agent {marker}",
            ["Input.ReferenceNumber"] = $"REF-{marker}",
            ["Input.Answers[0].Answer"] = "Yes",
            ["Input.Answers[0].Note"] = $"Covered {marker}",
        }, cancellationToken: cancellationToken);

        var values = RecordsJourneys.CompleteAuthorization(app);
        values["Input.PatientName"] = $"Patient {marker}";
        values["Input.HolderName"] = $"Clinic {marker}";
        values["Input.HolderAddress"] = $"2 {marker} Street";
        values["Input.RecipientName"] = $"Dr. Receiver {marker}";
        values["Input.RecipientPractice"] = $"{marker} Heart Center";
        values["Input.RecipientAddress"] = $"3 {marker} Avenue";
        values["Input.Records"] = nameof(RecordKinds.Other);
        values["Input.OtherRecords"] = $"Biopsy {marker}";
        values["Input.Purpose"] = $"Second opinion on {marker}";
        values["Input.ExpiryEvent"] = $"When the {marker} treatment ends";
        values["Input.Signer"] = nameof(RecordsSigner.Representative);
        values["Input.RepresentativeName"] = $"Helper {marker}";
        values["Input.RepresentativeAuthority"] = $"Power of attorney {marker}";
        var sent = await client.SendRecordsRequestAsync(app, plan, RecordsJourneys.Today(app), values, cancellationToken);
        await client.SubmitHandlerAsync(sent, "Call", new Dictionary<string, string?>
        {
            ["Call.CalledOn"] = app.PlanDay(),
            ["Call.SpokeWith"] = $"Clerk {marker}",
            ["Call.WhatWasSaid"] = $"Records of {marker} on the way",
        }, cancellationToken);

        await client.AddQuestionAsync(plan, $"Is {marker} curable?", cancellationToken);
        var list = await client.AddQuestionAsync(plan, $"Deleted question {marker}", cancellationToken);
        await client.SubmitAsync(list, new Dictionary<string, string?>(), ".question-list > li:last-child form[action*='handler=Delete']", cancellationToken);
        var questionId = await app.QueryAsync(db => db.Questions.Where(q => q.PlanId == TestData.PlanId(plan) && q.DeletedAtUtc == null).Select(q => q.Id).SingleAsync(cancellationToken));
        var question = await client.GetAsync($"{plan}/questions/{questionId}", cancellationToken);
        await client.SubmitAsync(question, new Dictionary<string, string?> { ["Input.Asked"] = "true", ["Input.Answer"] = $"Answer about {marker}" }, cancellationToken: cancellationToken);
        foreach (var title in new[] { $"Reading {marker}", $"Deleted reading {marker}" })
        {
            var reading = await client.GetAsync($"{plan}/reading", cancellationToken);
            await client.SubmitAsync(reading, new Dictionary<string, string?>
            {
                ["Input.Title"] = title,
                ["Input.Url"] = $"https://example.org/{marker}",
                ["Input.Note"] = $"Reading note {marker}",
            }, "form[action*='handler=Add']", cancellationToken);
        }

        var readingList = await client.GetAsync($"{plan}/reading", cancellationToken);
        await client.SubmitAsync(readingList, new Dictionary<string, string?>(), ".reading-list li:last-child form[action*='handler=Remove']", cancellationToken);

        var visit = await client.GetAsync($"{plan}/visit", cancellationToken);
        await client.SubmitAsync(visit, new Dictionary<string, string?>
        {
            ["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = app.PlanDay(3),
            ["Input.Time"] = "09:00",
            ["Input.Place"] = $"{marker} Clinic, room 4",
        }, "form[aria-labelledby=booking-heading]", cancellationToken);
        var brief = await client.GetAsync($"{plan}/visit/brief", cancellationToken);
        await client.SubmitAsync(brief, new Dictionary<string, string?> { ["Input.Medicines"] = $"{marker}mycin" }, cancellationToken: cancellationToken);

        var opinion = await client.GetAsync($"{plan}/opinion", cancellationToken);
        await client.SubmitAsync(opinion, new Dictionary<string, string?>
        {
            ["Input.DoctorName"] = $"Dr. First {marker}",
            ["Input.GivenOn"] = app.PlanDay(),
            ["Input.Diagnosis"] = $"{marker} syndrome",
            ["Input.Recommendation"] = $"Operate on the {marker}",
            ["Input.Notes"] = $"Opinion notes {marker}",
        }, cancellationToken: cancellationToken);
        var opinions = await client.GetAsync($"{plan}/opinions", cancellationToken);
        await client.SubmitAsync(opinions, new Dictionary<string, string?> { ["Finish.Decision"] = $"Treat the {marker}" }, "form[aria-labelledby=finish-heading]", cancellationToken);
    }

    /// <summary>
    /// Opens every page of the plan (each route from the endpoint data source, with the ids of the
    /// plan's first rows) and every named GET handler, the way a person reading the plan would.
    /// </summary>
    public static async Task OpenEveryPageAsync(this AppClient client, TestApp app, string plan, CancellationToken cancellationToken = default)
    {
        var planId = TestData.PlanId(plan);
        foreach (var route in Endpoints.Pages(app))
        {
            var path = Endpoints.PathFor(route.Template, planId);
            foreach (var (_, name) in route.Handlers.Where(h => h.Method == "GET").DefaultIfEmpty(("GET", null)))
            {
                using var response = await client.Http.GetAsync(name is null ? path : $"{path}?handler={name}", cancellationToken);
            }
        }
    }

    /// <summary>
    /// Every table of the database model (Identity's too), read row by row: for each table, the
    /// rows in which any column holds one of <paramref name="traces"/> (any letter case), or that
    /// point by a foreign key to such a row.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> RowsWithAsync(this TestApp app, params string[] traces)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!).ToList();
        var rows = new Dictionary<string, List<Dictionary<string, string>>>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Key}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var read = new List<Dictionary<string, string>>();
            while (await reader.ReadAsync())
            {
                read.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? ""));
            }

            rows[table.Key] = read;
        }

        var marked = rows.ToDictionary(t => t.Key, t => t.Value.Where(row => row.Values.Any(v => traces.Any(trace => v.Contains(trace, StringComparison.OrdinalIgnoreCase)))).ToHashSet());
        // A row with no trace of its own (a records request's history) belongs to the row its foreign key points to.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var table in tables)
            {
                // An owned part (a passkey's JSON data) is in its owner's row already.
                foreach (var key in table.SelectMany(e => e.GetForeignKeys()).Where(k => !k.IsOwnership))
                {
                    var principal = key.PrincipalEntityType.GetTableName()!;
                    var from = key.Properties.Select(p => p.GetColumnName()).ToList();
                    var to = key.PrincipalKey.Properties.Select(p => p.GetColumnName()).ToList();
                    var targets = marked[principal].Select(row => string.Join("|", to.Select(c => row[c]))).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    foreach (var row in rows[table.Key].Where(row => targets.Contains(string.Join("|", from.Select(c => row[c])))))
                    {
                        changed |= marked[table.Key].Add(row);
                    }
                }
            }
        }

        return marked.ToDictionary(t => t.Key, t => t.Value.Count);
    }

    /// <summary>
    /// A person with rows in every table of the model: a plan with <paramref name="marker"/> in
    /// every field, a caregiver, invites sent and waiting, a friend's plans they help on, a
    /// clinic's staff with a start link and invites, a packet link opened, and every kind of
    /// Identity row.
    /// </summary>
    public static async Task<PersonInEveryTable> PersonInEveryTableAsync(this TestApp app, string marker, CancellationToken cancellationToken = default)
    {
        var email = Journeys.NewEmail();
        var person = new AppClient(app);
        await person.SignUpAsync(email, cancellationToken);
        var plan = Journeys.PlanPath((await person.StartPlanAsync(cancellationToken: cancellationToken)).Url);
        await person.FillEveryFieldAsync(app, plan, marker, cancellationToken);
        var (friend, _) = await app.InvitedMemberAsync(person, plan, PlanRole.Caregiver, cancellationToken);
        await person.InviteAsync(plan, Journeys.NewEmail(), PlanRole.Viewer, cancellationToken);
        // The person also helps on the friend's own plan, and an invite to them waits on a third plan.
        var friendPlan = Journeys.PlanPath((await friend.StartPlanAsync("Friend's Mother", cancellationToken: cancellationToken)).Url);
        await friend.InviteAsync(friendPlan, email, PlanRole.Caregiver, cancellationToken);
        await person.AcceptInviteAsync(app.InviteLinkFor(email), cancellationToken);
        await person.GetAsync(friendPlan, cancellationToken);
        var thirdPlan = Journeys.PlanPath((await friend.StartPlanAsync("Friend's Father", cancellationToken: cancellationToken)).Url);
        await friend.InviteAsync(thirdPlan, email, PlanRole.Viewer, cancellationToken);
        // The person is on a clinic's staff too: they made a start link and invited someone, and another invite to them waits.
        await app.RunCommandAsync("clinics", "add", ClinicJourneys.ClinicName, email);
        var clinic = (await person.JoinAsync(app.JoinLinkFor(email), cancellationToken)).Url.AbsolutePath;
        await person.NewStartLinkAsync(clinic, cancellationToken: cancellationToken);
        await person.SubmitAsync(await person.GetAsync($"{clinic}/staff", cancellationToken),
            new Dictionary<string, string?> { ["Input.Email"] = Journeys.NewEmail() }, "form#invite-form", cancellationToken);
        await app.RunCommandAsync("clinics", "add", "Lakeside Cancer Center", email);
        // A packet link they made on the friend's plan stays for the friend, without the person's name.
        var (_, packet) = await person.MakePacketLinkAsync(friendPlan, cancellationToken: cancellationToken);
        using (var office = new AppClient(app))
        {
            await office.GetAsync(packet, cancellationToken);
        }

        var userId = await app.GiveTheAccountEveryKindOfIdentityRowAsync(email);
        return new PersonInEveryTable(person, email, plan, userId, friend, friendPlan, packet);
    }

    /// <summary>A role with a claim, a claim, a sign-in with another site, a saved token and a passkey: rows in every Identity table.</summary>
    private static async Task<string> GiveTheAccountEveryKindOfIdentityRowAsync(this TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = (await users.FindByEmailAsync(email))!;
        var role = new IdentityRole("Tester");
        await roles.CreateAsync(role);
        await roles.AddClaimAsync(role, new System.Security.Claims.Claim("may", "test"));
        await users.AddToRoleAsync(user, "Tester");
        await users.AddClaimAsync(user, new System.Security.Claims.Claim("nickname", "Tester"));
        await users.AddLoginAsync(user, new UserLoginInfo("Example", "example-key", "Example"));
        await users.SetAuthenticationTokenAsync(user, "Example", "refresh", "example-token");
        await app.AddPasskeyAsync(email, "Tester's phone");
        return user.Id;
    }
}

/// <summary>What <see cref="PrivacyJourneys.PersonInEveryTableAsync"/> made; the two clients are the caller's to dispose.</summary>
public sealed record PersonInEveryTable(AppClient Person, string Email, string Plan, string UserId, AppClient Friend, string FriendPlan, string Packet);
