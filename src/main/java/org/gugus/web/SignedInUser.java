package org.gugus.web;

import org.gugus.access.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** Who is signed in, for the header of every page. */
@ControllerAdvice(basePackageClasses = SignedInUser.class)
class SignedInUser {

    private final CurrentUser user;

    SignedInUser(CurrentUser user) {
        this.user = user;
    }

    @ModelAttribute
    void addUser(Model model) {
        boolean signedIn = user.role().isPresent();
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("userName", signedIn ? user.name() : null);
        model.addAttribute("userRole", user.role().map(Enum::name).orElse(null));
    }
}
