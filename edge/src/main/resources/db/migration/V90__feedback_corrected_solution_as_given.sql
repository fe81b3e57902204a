-- A corrected solution is kept as given: a text, or a JSON object (its JSON text in corrected_solution, marked here).
-- Rows written before held an object as its JSON text: those read as the object again, as their events now do
-- (FeedbackGiven revision 1 → 2); the reader keeps any such text that is not a JSON object as text.
alter table feedback_review add column corrected_solution_object boolean default false not null;
update feedback_review set corrected_solution_object = true where corrected_solution like '{%}';
