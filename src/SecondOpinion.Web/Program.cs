using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Activity;
using SecondOpinion.Web.Infrastructure.Commands;
using SecondOpinion.Web.Infrastructure.Email;
using SecondOpinion.Web.Pages.Shared.Forms;

var builder = WebApplication.CreateBuilder(args);

// Serve css and js straight from the build output when not published (dotnet run, tests), in
// every environment. A published app has no such manifest, so this does nothing there.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddAppLogging();
builder.Services.AddDatabase();
builder.Services.AddAccounts();
builder.Services.AddPublicLinks();
builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
builder.Services.AddScoped<IEmailSender, MailKitEmailSender>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<ActivityLog>();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AllowAnonymousToPage("/Index");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToFolder("/Account");
        options.Conventions.AllowAnonymousToFolder("/Invites");
    })
    .AddMvcOptions(options =>
    {
        options.Filters.Add<PlanMembershipFilter>();
        options.Filters.Add<KnownHandlersFilter>();
        options.ModelBinderProviders.Insert(0, new CheckboxBinder.Provider());
        options.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None });
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        PlainBindingMessages.Apply(options.ModelBindingMessageProvider);
    });

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error");
app.UseAppSecurityHeaders();
app.UseRequestLogging();
app.UseRouting();
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
