package org.gugus.web;

import java.time.ZoneId;
import java.util.Map;
import org.gugus.access.CurrentUser;
import org.gugus.access.Role;
import org.gugus.ingest.OfficeIntakes;
import org.gugus.warehouse.RejectedRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: the start page of whoever signed in. Stewards, administrators and reviewers see the ten
 * offices (Beranda), an office user only her own; coordinators and auditors see what is theirs.
 */
@Controller
class HomeController {

    private final CurrentUser user;
    private final OfficeIntakes intakes;
    private final RejectedRows rejections;
    private final ZoneId zone;

    HomeController(CurrentUser user, OfficeIntakes intakes, RejectedRows rejections,
            @Value("${gugus.time-zone:Asia/Makassar}") String zone) {
        this.user = user;
        this.intakes = intakes;
        this.rejections = rejections;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/")
    String home(Model model) {
        Role role = user.role().orElseThrow();
        model.addAttribute("role", role);
        if (role == Role.COORDINATOR || role == Role.AUDITOR) {
            return "home";
        }
        Map<String, Long> open = rejections.openByOffice();
        model.addAttribute("offices", intakes.list(user.officeScope()).stream()
                .map(intake -> OfficeRow.of(intake, open.getOrDefault(intake.office().code(), 0L), zone))
                .toList());
        return "beranda";
    }
}
