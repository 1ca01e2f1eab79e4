package org.gugus.access;

import java.util.List;
import org.gugus.system.Message;
import org.gugus.system.ReadinessCheck;
import org.springframework.stereotype.Component;

/** Gugus is not ready while its pseudonym key cannot be read or created: no file could be loaded. */
@Component
class PseudonymKeyCheck implements ReadinessCheck {

    private final PseudonymKey key;

    PseudonymKeyCheck(PseudonymKey key) {
        this.key = key;
    }

    @Override
    public List<Message> problems() {
        return key.problem().stream().toList();
    }
}
