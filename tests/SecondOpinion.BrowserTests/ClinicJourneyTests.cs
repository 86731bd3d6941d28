using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SecondOpinion.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SecondOpinion.BrowserTests;

public partial class ClinicJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Staff_print_a_start_link_and_a_patient_who_opens_it_signs_up_by_keyboard_and_gets_the_clinic_on_the_plan()
    {
        var staffEmail = Journeys.NewEmail();
        var (exitCode, output) = await App.RunCommandAsync("clinics", "add", ClinicJourneys.ClinicName, staffEmail);
        Assert.True(exitCode == 0, output);

        await Page.GotoAsync(new Uri(App.JoinLinkFor(staffEmail)).PathAndQuery);
        await ExpectPageIsAccessibleAsync();
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Page.GetByLabel("Email address").FillAsync(staffEmail);
        await Page.GetByLabel("Choose a password").FillAsync(Journeys.Password);
        await Page.GetByLabel("Type the password again").FillAsync(Journeys.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await OpenConfirmationLinkAsync(Page, staffEmail);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Join the clinic" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ClinicJourneys.ClinicName);
        await Page.Locator("#Input_Phone").FillAsync("555-201-3000");
        await Page.Locator("#Input_RecordsFax").FillAsync("555-201-3099");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The clinic's details are saved.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await Page.GetByLabel("Their work email address").FillAsync(Journeys.NewEmail());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the invite" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent an invite");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = ClinicJourneys.ClinicName }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start links, and how many patients used them" }).ClickAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Name of the link").FillAsync("Front desk");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Get a second opinion with Riverside Heart Clinic");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR code that opens the link below" })).ToBeVisibleAsync();
        await ExpectPageIsAccessibleAsync();
        var startLink = ClinicJourneys.StartLinkIn(await Page.Locator("main").InnerTextAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await Page.GotoAsync(new Uri(startLink).PathAndQuery);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Start your plan with Riverside Heart Clinic");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("main a[href^='/account/register']");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/account/register?**");
        var patientEmail = Journeys.NewEmail();
        await TabToAsync("#Input_Email");
        await Page.Keyboard.TypeAsync(patientEmail);
        await TabToAsync("#Input_Password");
        await Page.Keyboard.TypeAsync(Journeys.Password);
        await TabToAsync("#Input_ConfirmPassword");
        await Page.Keyboard.TypeAsync(Journeys.Password);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await OpenConfirmationLinkAsync(Page, patientEmail);
        await TabToAsync("main button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync($"**{new Uri(startLink).AbsolutePath}");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("#Input_For");
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("#Input_About");
        await Page.Keyboard.TypeAsync("My doctor says I need a new heart valve.");
        await TabToAsync("main button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(PlanHome());
        await Expect(Page.Locator("main")).ToContainTextAsync("Started from Riverside Heart Clinic.");
        await ExpectPageIsAccessibleAsync();
        var plan = new Uri(Page.Url).AbsolutePath;
        await Page.GotoAsync($"{plan}/doctors");
        await Expect(Page.Locator("main")).ToContainTextAsync(ClinicJourneys.ClinicName);

        // The patient shares a visit packet with the clinic, by keyboard; the clinic's staff see it in their list.
        var patient = Page;
        await Page.GotoAsync($"{plan}/packet");
        await TabToAsync("#Input_ShareWithClinic", maxPresses: 80);
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("#make-link-form button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main")).ToContainTextAsync($"The staff of {ClinicJourneys.ClinicName} can see it in their list while it works.");
        await ExpectPageIsAccessibleAsync();

        Page = await OpenAnotherBrowserAsync();
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("Email address").FillAsync(staffEmail);
        await Page.GetByLabel("Password").FillAsync(Journeys.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.GotoAsync("/clinics");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = ClinicJourneys.ClinicName }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Visit packets patients shared with you" }).ClickAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.Locator("main .member-list a").First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Visit packet for a second opinion");
        await Expect(Page.Locator("main")).ToContainTextAsync("My doctor says I need a new heart valve.");
        await ExpectPageIsAccessibleAsync();

        Page = patient;
        await Page.GotoAsync($"{plan}/activity");
        await Expect(Page.Locator(".activity-list")).ToContainTextAsync($"{staffEmail} opened the visit packet as staff of the clinic it was shared with.");
    }

    [GeneratedRegex("/plans/[0-9a-f-]{36}$")]
    private static partial Regex PlanHome();
}
