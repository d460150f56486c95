package io.catalogbridge.mapping;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The automatic mapping job as a db-scheduler one-time task: the scheduler (on the service's PostgreSQL) picks each
 * job on exactly one replica, heartbeats it while it runs, and revives it elsewhere when its runner dies. The task
 * only hands the job to its Camel pipeline, which records success or failure on the job itself.
 */
@Configuration(proxyBeanMethods = false)
public class MappingJobConfiguration {

    /** One task for every catalog's jobs: the job's row says which catalog's wing does the work. */
    public static final TaskDescriptor<String> AUTO_MAPPING = TaskDescriptor.of("auto-mapping", String.class);

    @Bean
    OneTimeTask<String> autoMappingTask(ProducerTemplate template, MappingProperties properties) {
        return Tasks.oneTime(AUTO_MAPPING)
                .onDeadExecutionRevive()
                .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.retryUnrecordedRunAfter()))
                .execute((instance, context) -> {
                    Exception failure = template.send("direct:run-auto-mapping",
                            exchange -> exchange.setProperty("jobId", instance.getData())).getException();
                    if (failure != null) {
                        // not even FAILED could be recorded (the database is down?): let the engine retry it later
                        throw new IllegalStateException("Automatic mapping job " + instance.getData()
                                + " could not be run or recorded", failure);
                    }
                });
    }
}
