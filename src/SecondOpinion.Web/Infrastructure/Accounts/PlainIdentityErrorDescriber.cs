using Microsoft.AspNetCore.Identity;

namespace SecondOpinion.Web.Infrastructure.Accounts;

/// <summary>Identity's messages, rewritten as plain sentences a person can act on.</summary>
public sealed class PlainIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Use at least {length} characters. A few words together make a strong password that is easy to remember." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "There is already an account with this email. Sign in, or reset your password if you forgot it." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "There is already an account with this email. Sign in, or reset your password if you forgot it." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Enter an email address like name@example.com." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Enter an email address like name@example.com." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "This reset link has expired or was already used. Ask for a new one." };
}
