package org.gugus.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security takes the form it posts ({@code POST /login}). */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
