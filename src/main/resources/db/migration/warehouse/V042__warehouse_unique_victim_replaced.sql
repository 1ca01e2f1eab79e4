-- Unique victims are counted by persons now (persons.unique_victim, record linkage), not by the
-- exact person_key: one person spelled differently by two offices was counted twice.
drop view warehouse.unique_victim;
