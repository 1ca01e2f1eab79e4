package org.gugus.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.access.CurrentUser;
import org.gugus.ingest.sftp.SourceSettings;
import org.gugus.system.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Sumber SFTP: each office's source with its state and schedule; a source's page changes its schedule
 * (a cron, checked, its next five polls shown in words while it is typed), pauses or resumes its
 * scheduled polls, or pulls now. Changes apply at once, are stored so that they survive a restart
 * (they win over {@code jobs/sftp-sources.yaml}), and are audited.
 */
@Controller
@RequestMapping("/sumber")
class SourcePagesController {

    /** The Indonesian names of the country's time zones, as a schedule is read out. */
    private static final Map<String, String> ZONE_NAMES = Map.of(
            "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    private final SourceSettings settings;
    private final CurrentUser user;
    private final Audit audit;

    SourcePagesController(SourceSettings settings, CurrentUser user, Audit audit) {
        this.settings = settings;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sources", settings.sources());
        model.addAttribute("zone", zoneName(settings.timeZone()));
        model.addAttribute("zoneId", settings.timeZone());
        return "sumber";
    }

    @GetMapping("/{office}")
    String show(@PathVariable String office, Model model) {
        SourceSettings.Source source = source(office);
        model.addAttribute("source", source);
        model.addAttribute("cron", source.cron());
        model.addAttribute("nextRuns", inWords(source.nextRuns()));
        model.addAttribute("zoneId", settings.timeZone());
        return "sumber-detail";
    }

    /** The next polls of a cron being typed, in words; or why it is not a cron. */
    @GetMapping("/{office}/jadwal")
    String preview(@PathVariable String office, @RequestParam(defaultValue = "") String cron, Model model) {
        source(office);
        if (cron.isBlank()) {
            return "sumber-detail :: next-runs";
        }
        try {
            model.addAttribute("nextRuns", inWords(settings.nextRuns(cron)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("cronProblem", e.getMessage());
        }
        return "sumber-detail :: next-runs";
    }

    @PostMapping("/{office}/jadwal")
    String schedule(@PathVariable String office, @RequestParam(defaultValue = "") String cron, Model model,
            RedirectAttributes redirect) {
        SourceSettings.Source source = source(office);
        try {
            settings.schedule(source.office(), cron, user.name());
        } catch (IllegalArgumentException e) {
            model.addAttribute("source", source);
            model.addAttribute("cron", cron);
            model.addAttribute("cronProblem", e.getMessage());
            model.addAttribute("zoneId", settings.timeZone());
            return "sumber-detail";
        }
        audit.change("SFTP_SCHEDULE", "POST /sumber/" + source.office() + "/jadwal " + cron.strip(), List.of());
        redirect.addFlashAttribute("changed", "web.sources.schedule-changed");
        return "redirect:/sumber/" + source.office();
    }

    @PostMapping("/{office}/aktif")
    String enable(@PathVariable String office, @RequestParam boolean enabled, RedirectAttributes redirect) {
        SourceSettings.Source source = source(office);
        settings.enable(source.office(), enabled, user.name());
        audit.change(enabled ? "SFTP_RESUME" : "SFTP_PAUSE", "POST /sumber/" + source.office() + "/aktif", List.of());
        redirect.addFlashAttribute("changed", enabled ? "web.sources.resumed" : "web.sources.paused");
        return "redirect:/sumber/" + source.office();
    }

    @PostMapping("/{office}/tarik")
    String pull(@PathVariable String office, RedirectAttributes redirect) {
        SourceSettings.Source source = source(office);
        settings.pullNow(source.office());
        audit.change("SFTP_PULL", "POST /sumber/" + source.office() + "/tarik", List.of());
        redirect.addFlashAttribute("changed", "web.sources.pulling");
        return "redirect:/sumber/" + source.office();
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "tidak-ditemukan";
    }

    private SourceSettings.Source source(String office) {
        return settings.source(office).filter(source -> !source.misconfigured()).orElseThrow(() ->
                new NoSuchElementException(Messages.get("sftp.pull.no-source", office).both()));
    }

    /** "Senin, 1 Desember 2026 pukul 02.00 WITA"; in English "Monday, 1 December 2026 at 02:00 WITA". */
    static List<String> inWords(List<ZonedDateTime> times) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        DateTimeFormatter format = english
                ? DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm", Messages.INDONESIAN);
        return times.stream().map(time -> format.format(time) + " " + zoneName(time.getZone())).toList();
    }

    private static String zoneName(ZoneId zone) {
        return ZONE_NAMES.getOrDefault(zone.getId(), zone.getId());
    }
}
