// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
    // Move focus to the list of problems so it is read out first after a form is sent back.
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
});
