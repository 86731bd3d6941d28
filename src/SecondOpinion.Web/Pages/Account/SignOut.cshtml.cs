using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondOpinion.Web.Pages.Account;

public class SignOutModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of this session's cookie useless (and ends the
        // person's sessions on other devices too).
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData["Message"] = "You are signed out.";
        return Redirect("/");
    }
}
