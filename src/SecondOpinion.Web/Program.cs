using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Activity;
using SecondOpinion.Web.Infrastructure.Commands;
using SecondOpinion.Web.Infrastructure.Email;
using SecondOpinion.Web.Infrastructure.Privacy;
using SecondOpinion.Web.Pages.Shared.Forms;

var builder = WebApplication.CreateBuilder(args);

// Serve css and js straight from the build output when not published (dotnet run, tests), in
// every environment. A published app has no such manifest, so this does nothing there.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddAppLogging();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddKeyProtection(builder.Configuration, builder.Environment);
builder.Services.AddAccounts();
builder.Services.AddPublicLinks();
builder.Services.AddAppRateLimits();
builder.Services.AddHttpsBehindProxy(builder.Configuration);
builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
builder.Services.AddScoped<IEmailSender, MailKitEmailSender>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<ActivityLog>();
builder.Services.AddScoped<ClinicStaffInvites>();
builder.Services.AddPrivacy();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AllowAnonymousToPage("/Index");
        options.Conventions.AllowAnonymousToPage("/Error");
        // Each page by name, so a new page in the folder (the account page itself) needs sign-in.
        options.Conventions.AllowAnonymousToPage("/Account/SignIn");
        options.Conventions.AllowAnonymousToPage("/Account/Register");
        options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
        options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
        options.Conventions.AllowAnonymousToPage("/Account/ConfirmEmail");
        options.Conventions.AllowAnonymousToPage("/Account/SignOut");
        options.Conventions.AllowAnonymousToFolder("/Invites");
        options.Conventions.AllowAnonymousToPage("/Clinics/Join");
        options.Conventions.AllowAnonymousToFolder("/Start");
        options.Conventions.AllowAnonymousToPage("/Packet/Open");
    })
    .AddMvcOptions(options =>
    {
        options.Filters.Add<PlanMembershipFilter>();
        options.Filters.Add<ClinicStaffFilter>();
        options.Filters.Add<KnownHandlersFilter>();
        options.Filters.AddService<AccountRateLimitFilter>();
        options.ModelBinderProviders.Insert(0, new CheckboxBinder.Provider());
        options.ModelBinderProviders.Insert(0, new TextBinder.Provider());
        options.Filters.Add<NoStoreFilter>();
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        PlainBindingMessages.Apply(options.ModelBindingMessageProvider);
    });

var app = builder.Build();

app.UseHttpsBehindProxy();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/error");
app.UseAppSecurityHeaders();
app.UseRequestLogging();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// Static files and health answer straight from routing (ShortCircuit), before sign-in and
// authorization: a sign-in cookie sent with them is never decrypted.
app.MapStaticAssets().ShortCircuit();
app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseSetup.ReadyTag) }).ShortCircuit();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ShortCircuit();

await app.MigrateDatabaseAsync();
if (AppCommands.IsCommand(args))
{
    return await AppCommands.RunAsync(app.Services, args, Console.Out, app.Lifetime.ApplicationStopping);
}

await app.RunAsync();
return 0;

public partial class Program;
