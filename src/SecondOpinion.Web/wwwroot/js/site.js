// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
    // Move focus to the list of problems so it is read out first after a form is sent back.
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }

    // A "Copy" button beside a link to copy; without JavaScript the link can be selected and copied by hand.
    for (const button of document.querySelectorAll("button[data-copy]")) {
        const field = document.querySelector(button.dataset.copy);
        const status = button.parentElement.querySelector("[data-copy-status]");
        if (!field || !navigator.clipboard) {
            continue;
        }

        button.hidden = false;
        button.addEventListener("click", async () => {
            try {
                await navigator.clipboard.writeText(field.value);
                status.textContent = "Copied. You can paste it into an email now.";
            } catch {
                field.select();
                status.textContent = "Press Ctrl+C (or Command+C) to copy the selected link.";
            }
        });
    }
});
