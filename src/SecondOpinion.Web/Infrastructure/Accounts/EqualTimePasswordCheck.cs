using Microsoft.AspNetCore.Identity;

namespace SecondOpinion.Web.Infrastructure.Accounts;

/// <summary>
/// Spends the time of one password check where there is no password to check (an unknown
/// email, an account whose sign-in is paused), so how long an answer takes does not tell who
/// has an account.
/// </summary>
public sealed class EqualTimePasswordCheck(IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new();
    private static string? dummyHash;

    public void Spend(string password)
    {
        dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, dummyHash, password);
    }
}
