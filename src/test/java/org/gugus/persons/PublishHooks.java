package org.gugus.persons;

import java.util.function.Consumer;
import org.gugus.warehouse.PublishStarting;
import org.gugus.warehouse.VictimsPublished;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What a test of the records prepared ahead does around a publish: when it starts, before the work ahead starts
 * ({@link #before}) and after ({@link #after}), and once its records are published, in its transaction
 * ({@link #published}). A suite imports {@link Listening} and {@link #reset}s them after each test.
 */
final class PublishHooks {

    static volatile Consumer<PublishStarting> before = publish -> { };
    static volatile Consumer<PublishStarting> after = publish -> { };
    static volatile Consumer<VictimsPublished> published = publish -> { };

    private PublishHooks() {
    }

    /** Every hook back to doing nothing. */
    static void reset() {
        before = publish -> { };
        after = publish -> { };
        published = publish -> { };
    }

    /** The listeners that call the hooks. */
    @TestConfiguration
    static class Listening {

        @Bean
        Object publishHooks() {
            return new Object() {
                @EventListener
                @Order(Ordered.HIGHEST_PRECEDENCE)
                void before(PublishStarting publish) {
                    PublishHooks.before.accept(publish);
                }

                @EventListener
                @Order(Ordered.LOWEST_PRECEDENCE)
                void after(PublishStarting publish) {
                    PublishHooks.after.accept(publish);
                }

                @EventListener
                void published(VictimsPublished publish) {
                    PublishHooks.published.accept(publish);
                }
            };
        }
    }
}
