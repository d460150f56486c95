package io.catalogbridge.mapping;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;

/**
 * Scheduled verification: {@code catalog-bridge.<catalog>.verify-schedule}, a cron expression (Spring's six fields,
 * in the service's time zone; absent, blank or "-" is off, the default) runs a verification of every tenant's
 * mappings in that catalog. One db-scheduler recurring task serves every catalog, so that exactly one replica
 * sweeps at each time the schedules name, and a sweep a dying replica left is taken up again by another. The sweep
 * goes one tenant at a time ({@code direct:run-scheduled-verifications}), each verification a job of the same
 * durable engine as any other.
 */
@Configuration(proxyBeanMethods = false)
public class VerificationScheduleConfiguration {

    public static final String TASK = "mapping-verification-schedule";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VerificationScheduleConfiguration.class);

    @Bean
    RecurringTask<Void> mappingVerificationSchedule(List<MappingChecks<?, ?, ?>> wings, Environment environment,
            ProducerTemplate template) {
        Map<String, CronExpression> schedules = new LinkedHashMap<>();
        for (MappingChecks<?, ?, ?> wing : wings) {
            String property = "catalog-bridge." + wing.catalog() + ".verify-schedule";
            String cron = environment.getProperty(property, "").trim();
            if (!cron.isEmpty() && !cron.equals("-")) {
                try {
                    schedules.put(wing.catalog(), CronExpression.parse(cron));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(property + " is not a cron expression (six fields, seconds"
                            + " first, as Spring's): " + cron, e);
                }
                log.info("Mappings of catalog {} are verified on the schedule {}", wing.catalog(), cron);
            }
        }
        CatalogSchedules schedule = new CatalogSchedules(schedules, ZoneId.systemDefault());
        return Tasks.recurring(TASK, schedule).execute((instance, context) -> {
            Instant due = context.getExecution().executionTime;
            for (String catalog : schedule.dueAt(due)) {
                template.send("direct:run-scheduled-verifications", exchange -> exchange.setProperty("catalog", catalog));
            }
        });
    }

    /** The catalogs' cron schedules as one: the next time is the soonest of theirs. */
    static final class CatalogSchedules implements Schedule {

        private final Map<String, CronExpression> schedules;
        private final ZoneId zone;

        CatalogSchedules(Map<String, CronExpression> schedules, ZoneId zone) {
            this.schedules = Map.copyOf(schedules);
            this.zone = zone;
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return next(executionComplete.getTimeDone());
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return next(now);
        }

        Instant next(Instant after) {
            ZonedDateTime from = after.atZone(zone);
            return schedules.values().stream().map(cron -> cron.next(from)).filter(java.util.Objects::nonNull)
                    .map(ZonedDateTime::toInstant).min(Instant::compareTo).orElse(NEVER);
        }

        /** The catalogs whose schedule names this time (the task ran for it). */
        List<String> dueAt(Instant due) {
            ZonedDateTime justBefore = due.minusSeconds(1).atZone(zone);
            return schedules.entrySet().stream().filter(e -> {
                ZonedDateTime next = e.getValue().next(justBefore);
                return next != null && !next.toInstant().isAfter(due);
            }).map(Map.Entry::getKey).toList();
        }

        @Override
        public boolean isDeterministic() {
            return true;
        }

        @Override
        public boolean isDisabled() {
            return schedules.isEmpty();
        }
    }
}
