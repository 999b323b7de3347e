-- Individual contributors: current employees with no current direct reports.
-- For the org-design review. PostgreSQL 14+.
--
-- One row per individual contributor, grouped by department, with the department's headcount, the
-- person's manager and their tenure, so the review can spot long-serving ICs and thin teams.
--
-- Someone whose reports have all left the company counts as an individual contributor again, so both
-- sides of the "manages anyone?" check look only at current employees.
--
-- Run with: psql "$DATABASE_URL" --csv -f individual_contributors.sql > ics.csv

WITH current_employees AS (
    SELECT id, full_name, department_id, manager_id, hired_on
    FROM employees
    WHERE terminated_on IS NULL
),
department_sizes AS (
    SELECT department_id, count(*) AS headcount
    FROM current_employees
    GROUP BY department_id
)
SELECT
    COALESCE(d.name, '(no department)')                    AS department,
    ds.headcount                                           AS department_headcount,
    e.full_name                                            AS employee,
    m.full_name                                            AS manager,
    e.hired_on,
    date_part('year', age(CURRENT_DATE, e.hired_on))::int  AS years_of_service
FROM current_employees AS e
-- LEFT JOINs so that nobody drops out of the report for missing data: someone between departments
-- still appears (and is counted in the "(no department)" group), and so does someone whose manager
-- has already left.
LEFT JOIN departments AS d ON d.id = e.department_id
LEFT JOIN department_sizes AS ds ON ds.department_id IS NOT DISTINCT FROM e.department_id
LEFT JOIN employees AS m ON m.id = e.manager_id
-- Individual contributors: nobody currently reports to them.
WHERE NOT EXISTS (
    SELECT 1
    FROM current_employees AS r
    WHERE r.manager_id = e.id
)
ORDER BY department, years_of_service DESC, employee;
