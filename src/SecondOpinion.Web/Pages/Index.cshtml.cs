using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondOpinion.Web.Pages;

public class IndexModel : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }
}
