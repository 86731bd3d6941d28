using Microsoft.AspNetCore.Identity;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure.Accounts;

public static class AccountSetup
{
    public const int PasswordMinLength = 12;

    /// <summary>How long sign-in pauses after <see cref="MaxFailedSignIns"/> wrong passwords in a row: short, so a stranger cannot keep a person out (and a reset link opens it at once).</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(5);
    public const int MaxFailedSignIns = 5;

    /// <summary>A session ends after this long without a request...</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>...unless the person ticked "keep me signed in": then it lasts this long without a visit.</summary>
    public static readonly TimeSpan RememberMeFor = TimeSpan.FromDays(14);

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length and a common-password check, not character-class rules: long passphrases
                // are stronger and easier to remember (NIST SP 800-63B).
                options.Password.RequiredLength = PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;

                // Version 3 adds the passkeys table (AspNetUserPasskeys).
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PlainIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddOptions<IdentityPasskeyOptions>().Configure<PublicLinks>((options, links) =>
        {
            // The relying party is the site's public address, never the request's Host: a passkey
            // made here works only on this site, and one answered for another origin is refused.
            var origin = links.Origin.GetLeftPart(UriPartial.Authority);
            options.ServerDomain = links.Origin.IdnHost;
            options.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        });
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));

        services.AddScoped<AccountEmails>();
        services.AddScoped<EqualTimePasswordCheck>();
        services.AddSingleton<SecurityEvents>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/sign-in";
            options.Cookie.Name = "SecondOpinion.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Sliding: each request keeps the session going for as long again as it was given.
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            // The security stamp is checked on every request, so a password change, a reset, a
            // sign-out or "sign out on every other device" ends the other sessions at once.
            options.Events.OnValidatePrincipal = SessionStampCheck.ValidatePrincipalAsync;
            options.Events.OnSigningIn = context =>
            {
                if (context.Properties.IsPersistent)
                {
                    context.Properties.ExpiresUtc = context.Properties.IssuedUtc + RememberMeFor;
                }

                return Task.CompletedTask;
            };
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "SecondOpinion.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        return services;
    }
}
