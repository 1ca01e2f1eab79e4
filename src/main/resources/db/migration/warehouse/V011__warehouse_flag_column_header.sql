-- A flag names the column as the office wrote its header, as a rejection does.
alter table warehouse.victim_flag add column column_header text;
