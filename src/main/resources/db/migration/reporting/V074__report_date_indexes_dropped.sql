-- The two date indexes of reporting.report dropped: since the indicators are counted from
-- reporting.report_fact (V053), whose own date and office indexes a period reads, the only statement
-- that read reporting.report by date or office was the list of the persons behind one cell
-- (org.gugus.reporting.IndicatorQueries.persons), which now finds its reports through the facts' indexes
-- and then by the reports' key. A first load's rebuild built both over every report (their office codes
-- sorted as text: about a fifth of the secondary indexes' build), and every report a refresh inserts
-- added an entry to each.
drop index reporting.report_date;
drop index reporting.report_office;
