-- The one SQL form of a grade label's key (schema/reference.ts gradeKey is the loaders' form; a test
-- in test/warehouse.test.ts holds the two equal): lower case, every run of white space as one space
-- (JavaScript's \s, which RE2's \s is not: it leaves out \v and the Unicode spaces), trimmed.
CREATE OR REPLACE MACRO grade_key(label) AS trim(regexp_replace(lower(label), '[\s\x{0b}\p{Z}\x{feff}]+', ' ', 'g'));
