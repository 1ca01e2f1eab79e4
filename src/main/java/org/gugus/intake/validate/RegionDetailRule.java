package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.reference.Region;
import org.gugus.system.Message;

/**
 * W_REGION_DETAIL: origin_district or origin_village is not found under the resolved
 * origin_regency (a village under its district when the district is found). Nothing is checked
 * while the regency itself does not resolve: E_REGION_UNKNOWN already rejects the row.
 */
final class RegionDetailRule implements RowRule {

    private static final int LISTED_DISTRICTS = 60;

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.resolvedRegency().isEmpty()) {
            return List.of();
        }
        Region regency = row.resolvedRegency().get();
        List<Finding> findings = new ArrayList<>();
        if (!row.isBlank(Field.ORIGIN_DISTRICT) && row.originDistrict().isEmpty()) {
            String value = RowUnderCheck.shown(row.written(Field.ORIGIN_DISTRICT));
            String column = RowUnderCheck.shown(row.header(Field.ORIGIN_DISTRICT));
            List<Region> districts = row.regions().districts(regency);
            String listed = districts.size() > LISTED_DISTRICTS ? ""
                    : districts.stream().map(Region::name).collect(Collectors.joining(", "));
            findings.add(listed.isEmpty()
                    ? row.finding(RuleText.DISTRICT_NOT_FOUND, Field.ORIGIN_DISTRICT, value, column, regency.label())
                    : row.finding(RuleText.DISTRICT_NOT_FOUND_LISTED, Field.ORIGIN_DISTRICT, value, column,
                            regency.label(), regency.name(), listed));
        }
        if (!row.isBlank(Field.ORIGIN_VILLAGE) && row.originVillage().isEmpty()) {
            Region within = row.originDistrict().orElse(regency);
            Message where = within.level() == Region.Level.DISTRICT
                    ? RuleText.VILLAGE_DISTRICT.with(within.name(), regency.name())
                    : new Message(regency.label(), regency.label());
            findings.add(row.finding(RuleText.VILLAGE_NOT_FOUND, Field.ORIGIN_VILLAGE,
                    RowUnderCheck.shown(row.written(Field.ORIGIN_VILLAGE)),
                    RowUnderCheck.shown(row.header(Field.ORIGIN_VILLAGE)), where));
        }
        return findings;
    }
}
