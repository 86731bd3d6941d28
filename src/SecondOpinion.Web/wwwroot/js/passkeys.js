// Passkeys: make one (account page) or sign in with one (sign-in page). Each form marked
// data-passkey stays hidden, with a sentence saying why, unless this browser can use passkeys.
// The browser's answer is posted in an ordinary form field, with the form's antiforgery token.
document.addEventListener("DOMContentLoaded", () => {
    const supported = "PublicKeyCredential" in window
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

    for (const form of document.querySelectorAll("form[data-passkey]")) {
        const note = document.getElementById(form.dataset.passkeyNote);
        if (!supported) {
            if (note) {
                note.textContent = "This browser cannot use passkeys. You can use a newer browser, or keep using your password.";
            }
            continue;
        }

        if (note) {
            note.hidden = true;
        }
        form.hidden = false;
        const status = form.querySelector("[data-passkey-status]");
        form.addEventListener("submit", async event => {
            event.preventDefault();
            status.textContent = "";
            try {
                const response = await fetch(form.dataset.passkeyOptions, {
                    method: "POST",
                    credentials: "same-origin",
                    body: new URLSearchParams({ __RequestVerificationToken: form.elements.__RequestVerificationToken.value }),
                });
                if (!response.ok) {
                    throw new Error(`The options answered ${response.status}.`);
                }

                const options = await response.json();
                const credential = form.dataset.passkey === "create"
                    ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                    : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                form.querySelector("[data-passkey-credential]").value = JSON.stringify(credential.toJSON());
                form.submit();
            } catch {
                // Cancelled, timed out, or no passkey on this device: the person can try again.
                status.textContent = form.dataset.passkeyFailed;
            }
        });
    }
});
