using FluentValidation;
using SecondOpinion.Web.Infrastructure.Accounts;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>Field rules shared by the account forms, so each message is written once.</summary>
public static class AccountRules
{
    public const int EmailMaxLength = 254;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(EmailMaxLength).WithMessage($"An email address can be at most {EmailMaxLength} characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");

    /// <summary>The email address of someone else, to invite: one address, no spaces.</summary>
    public static IRuleBuilderOptions<T, string?> ValidInviteEmail<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the email address of the person you want to invite.")
            .MaximumLength(EmailMaxLength).WithMessage($"An email address can be at most {EmailMaxLength} characters.")
            .Must(e => !e!.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c))).WithMessage("Enter an email address like name@example.com.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");

    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(AccountSetup.PasswordMinLength)
                .WithMessage($"Use at least {AccountSetup.PasswordMinLength} characters. A few words together make a strong password that is easy to remember.")
            .MaximumLength(PasswordMaxLength).WithMessage($"A password can be at most {PasswordMaxLength} characters.");

    /// <summary>A password the person already has: only its presence and length are checked here.</summary>
    public static IRuleBuilderOptions<T, string?> CurrentPassword<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(PasswordMaxLength).WithMessage($"A password can be at most {PasswordMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> SameAs<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, string?> password) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Type your password again.")
            .Must((input, confirm) => confirm == password(input))
                .WithMessage("The two passwords are not the same. Type the same password in both boxes.");

    /// <summary>Which field an Identity error belongs beside.</summary>
    public static string FieldFor(string identityErrorCode, string emailField, string passwordField) =>
        identityErrorCode.StartsWith("Password", StringComparison.Ordinal) || identityErrorCode == CommonPasswordValidator.ErrorCode
            ? passwordField
            : identityErrorCode.Contains("Email", StringComparison.Ordinal) || identityErrorCode.Contains("UserName", StringComparison.Ordinal)
                ? emailField
                : "";
}
