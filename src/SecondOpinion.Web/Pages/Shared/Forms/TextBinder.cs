using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>
/// Reads every text field without control characters (other than tabs and line breaks): they
/// cannot be seen or typed, come only from pasted or hand-made input, and would be stored and
/// shown back as junk. What is left is kept for showing the form again. An empty value is null,
/// as the default binder does.
/// </summary>
public sealed class TextBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (sent == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var text = WithoutControlCharacters(sent.FirstValue ?? "");
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, text, text);
        bindingContext.Result = ModelBindingResult.Success(
            text.Length == 0 && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : text);
        return Task.CompletedTask;
    }

    public static string WithoutControlCharacters(string text) =>
        text.Any(IsUnwanted) ? string.Concat(text.Where(c => !IsUnwanted(c))) : text;

    private static bool IsUnwanted(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string) ? new TextBinder() : null;
    }
}
