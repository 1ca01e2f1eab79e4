package org.gugus.persons;

import java.util.Set;

/**
 * Published (synchronously, after the change is committed) whenever persons changed: victim records
 * were linked to persons, persons merged or split, or a victim record of a person was loaded or
 * corrected. {@code personIds} holds every person id touched, including ids merged away; when
 * {@code all} is true everything was resolved again and every person may have changed.
 */
public record PersonsChanged(Set<Long> personIds, boolean all) {

    public PersonsChanged {
        personIds = Set.copyOf(personIds);
    }
}
