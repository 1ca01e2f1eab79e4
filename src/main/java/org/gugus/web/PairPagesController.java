package org.gugus.web;

import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.access.Role;
import org.gugus.persons.PairDetail;
import org.gugus.persons.PairStatus;
import org.gugus.persons.PersonPairs;
import org.gugus.system.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pasangan: the possible duplicates record linkage could not settle. The queue lists the open pairs;
 * a pair's page shows the two reports side by side with every comparison's level and weight, and
 * takes a reviewer's decision ("the same person" / "different persons"), applied at once as the API
 * does. Reviewers and administrators see names and NIKs (the read is audited) and decide; an office
 * user sees only pairs of two records of her office, without names or NIKs, and does not decide.
 */
@Controller
@RequestMapping("/pasangan")
class PairPagesController {

    private final PersonPairs pairs;
    private final CurrentUser user;
    private final Audit audit;

    PairPagesController(PersonPairs pairs, CurrentUser user, Audit audit) {
        this.pairs = pairs;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("pairs", pairs.list(PairStatus.OPEN, scope(), 500));
        model.addAttribute("mayDecide", mayDecide());
        return "pasangan";
    }

    @GetMapping("/{id}")
    String pair(@PathVariable long id, Model model) {
        return pairPage(id, model);
    }

    @PostMapping("/{id}")
    String decide(@PathVariable long id, @RequestParam(name = "keputusan", required = false) String decision,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        if (!mayDecide()) {
            throw new NoSuchElementException(Messages.get("persons.pairs.not-found", id).both());
        }
        PairDetail detail = pairs.detail(id, scope(), false);
        if (detail.pair().status() != PairStatus.OPEN) {
            model.addAttribute("problem", Messages.get("web.pairs.already-decided"));
            return pairPage(id, model);
        }
        if (!"sama".equals(decision) && !"berbeda".equals(decision)) {
            model.addAttribute("problem", Messages.get("web.pairs.choose"));
            return pairPage(id, model);
        }
        long a = detail.pair().victimA();
        long b = detail.pair().victimB();
        pairs.decide(id, scope(), PersonPairs.decision(decision), user.name(), note,
                () -> audit.change("PERSONS_DECIDE", "POST /pasangan/" + id + " " + decision, List.of(a, b)));
        redirect.addFlashAttribute("done", Messages.get("web.pairs.done." + decision, id));
        return "redirect:/pasangan";
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    private String pairPage(long id, Model model) {
        boolean personal = mayDecide();
        PairDetail detail = pairs.detail(id, scope(), personal);
        if (personal) {
            audit.read("GET /pasangan/" + id, List.of(detail.pair().victimA(), detail.pair().victimB()));
        }
        model.addAttribute("detail", detail);
        model.addAttribute("fields", detail.fields().stream().map(PairField::of).toList());
        model.addAttribute("mayDecide", personal && detail.pair().status() == PairStatus.OPEN);
        return "pasangan-detail";
    }

    private String scope() {
        return user.officeScope().orElse(null);
    }

    /** Reviewers and administrators decide and see names and NIKs, as in the API. */
    private boolean mayDecide() {
        return user.role().map(role -> role == Role.REVIEWER || role == Role.ADMIN).orElse(false);
    }
}
