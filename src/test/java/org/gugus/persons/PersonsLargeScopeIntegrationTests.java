package org.gugus.persons;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link PersonsBoundedIntegrationTests} with every run's records as temporary tables and the persons of
 * a run as large as the store written set-based (as a first load of many records is): the run in memory
 * then takes those paths, and must still give the persons, links and queue of the bounded run; its pending
 * records are streamed from the warehouse's join of the list, as a load's many new records are.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.group-records=40",
        "gugus.persons.resolution.many-records=20", "gugus.persons.resolution.few-pending=20"})
class PersonsLargeScopeIntegrationTests extends PersonsBoundedIntegrationTests {
}
