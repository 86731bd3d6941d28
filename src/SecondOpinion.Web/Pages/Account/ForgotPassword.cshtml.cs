using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Email;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
public class ForgotPasswordModel(UserManager<IdentityUser> users, IEmailSender email, PublicLinks links) : PageModel, IAccountRateLimited
{
    public string? RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        // The answer is the same whether or not the account exists, so the page cannot be used
        // to find out who has an account.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user?.Email is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = links.To(Url.Page("/Account/ResetPassword", new { userId = user.Id, code })!);
            await email.SendAsync(new EmailMessage(
                user.Email,
                "Reset your SecondOpinion password",
                $"""
                Hello,

                Someone asked to reset the password for your SecondOpinion account.
                To choose a new password, open this link within 2 hours:

                {link}

                If you did not ask for this, you can ignore this email. Your password stays the same.
                """), cancellationToken);
        }

        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() => RuleFor(i => i.Email).ValidEmail();
    }
}
