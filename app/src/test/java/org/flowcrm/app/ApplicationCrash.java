package org.flowcrm.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.aopalliance.intercept.MethodInterceptor;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.deal.DealStageChanged;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.lead.LeadConverted;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.notification.NotificationCreated;
import org.flowcrm.crm.quote.QuoteService;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where a crash-and-restart test kills the application: points it arms, which the application's own
 * threads reach right after a side effect committed (a notification, a lead's conversion, a quote
 * or invoice created, a mail sent, a timeline entry written) or right before a stage change
 * commits. The thread that reaches an armed point is held there until the test has closed the
 * application, then fails, so the step is never finished by the application that "crashed": a job
 * is not completed (the engine hands it out again after its activation timeout), a transaction is
 * not committed (closing the pool aborts its connection, and MariaDB rolls it back).
 *
 * <p>The points hook in from outside ({@link Hooks}, added to every start of the application): at
 * the CRM's events where there is one, else in front of the CRM's public services (they publish no
 * event for the other side effects, and the test must not change what it tests).
 */
final class ApplicationCrash {

  /** The one set of points of the test JVM (the hooks of every started application use it). */
  static final ApplicationCrash POINTS = new ApplicationCrash();

  /** {@code QuoteService.createFromDeal} returned (committed); the subject is a {@link Call}. */
  static final String QUOTE_CREATED = "quote created";

  /** {@code InvoiceService.createFromDeal} returned (committed); the subject is a {@link Call}. */
  static final String INVOICE_CREATED = "invoice created";

  /** {@code MailService.send} returned: the mail went out and is recorded; a {@link Call}. */
  static final String MAIL_SENT = "mail sent";

  /** {@code ActivityService.record} returned (committed); the subject is a {@link Call}. */
  static final String ACTIVITY_RECORDED = "activity recorded";

  /** A notification was committed ({@code NotificationCreated} after commit); the event. */
  static final String NOTIFICATION_CREATED = "notification created";

  /** A lead's conversion was committed ({@code LeadConverted} after commit); the event. */
  static final String LEAD_CONVERTED = "lead converted";

  /**
   * A deal's stage change is about to commit (its {@link DealStageChanged} before commit): for a
   * manager's move, the process has already accepted it; the subject is the event.
   */
  static final String STAGE_CHANGE_BEFORE_COMMIT = "stage change before its commit";

  /** A hooked service call: its arguments and what it returned. */
  record Call(Object[] arguments, Object result) {

    <T> T argument(int index, Class<T> type) {
      return type.cast(arguments[index]);
    }

    <T> T result(Class<T> type) {
      return type.cast(result);
    }
  }

  /** An armed point: fires once, for the first subject {@code which} accepts. */
  static final class Point {
    private final String name;
    private final Predicate<Object> which;
    private final CountDownLatch reached = new CountDownLatch(1);

    private Point(String name, Predicate<Object> which) {
      this.name = name;
      this.which = which;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final Map<String, Point> armed = new ConcurrentHashMap<>();
  private volatile CountDownLatch released = new CountDownLatch(1);

  private ApplicationCrash() {}

  /** Whether the calling thread runs a job handler (workers run on these, see the workers). */
  static boolean onJobThread() {
    return Thread.currentThread().getName().startsWith("flowcrm-job-");
  }

  /** Arms the point {@code name} for the first subject {@code which} accepts. */
  Point arm(String name, Predicate<Object> which) {
    Point point = new Point(name, which);
    armed.put(name, point);
    return point;
  }

  /**
   * Called by the hooks: holds the thread when {@code subject} is what the armed point waits for.
   */
  void reached(String name, Object subject) {
    Point point = armed.get(name);
    if (point == null || !accepts(point, subject) || !armed.remove(name, point)) {
      return;
    }
    CountDownLatch myRelease = released;
    point.reached.countDown();
    // Held until the application (engine included) is closed, even when its shutdown interrupts
    // the thread: the step must not be finished by the application that "crashed".
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    boolean interrupted = false;
    while (myRelease.getCount() > 0 && System.nanoTime() < until) {
      try {
        myRelease.await(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("crashed at: " + name);
  }

  /** A test's predicate that fails on a subject it did not expect must not fail the application. */
  private static boolean accepts(Point point, Object subject) {
    try {
      return point.which.test(subject);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Waits until a thread holds at the point. */
  boolean awaitReached(Point point) throws InterruptedException {
    return point.reached.await(180, TimeUnit.SECONDS);
  }

  /** After the application is closed: lets its held threads fail; disarms what did not fire. */
  void release() {
    armed.clear();
    CountDownLatch dead = released;
    released = new CountDownLatch(1);
    dead.countDown();
  }

  // ---- the hooks

  /** Added to every start of the application under test. */
  @Configuration(proxyBeanMethods = false)
  static class Hooks {

    /**
     * Puts an interceptor in front of the CRM services' proxies (outermost, so a call has committed
     * its transaction when the interceptor sees it return).
     */
    @Bean
    static BeanPostProcessor crashAfterServiceCalls() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          Class<?> type = AopUtils.getTargetClass(bean);
          if (type == QuoteService.class) {
            hook(bean, "createFromDeal", QUOTE_CREATED);
          } else if (type == InvoiceService.class) {
            hook(bean, "createFromDeal", INVOICE_CREATED);
          } else if (type == MailService.class) {
            hook(bean, "send", MAIL_SENT);
          } else if (type == ActivityService.class) {
            hook(bean, "record", ACTIVITY_RECORDED);
          }
          return bean;
        }
      };
    }

    private static void hook(Object bean, String method, String point) {
      if (!(bean instanceof Advised proxy) || proxy.isFrozen()) {
        throw new IllegalStateException(
            "crash point " + point + " needs a transactional proxy of " + bean.getClass());
      }
      NameMatchMethodPointcutAdvisor advisor =
          new NameMatchMethodPointcutAdvisor(
              (MethodInterceptor)
                  invocation -> {
                    Object result = invocation.proceed();
                    POINTS.reached(point, new Call(invocation.getArguments(), result));
                    return result;
                  });
      advisor.setMappedName(method);
      proxy.addAdvisor(0, advisor);
    }

    @Bean
    EventListeners crashPointListeners() {
      return new EventListeners();
    }
  }

  /** The points at the CRM's own events; they run on the thread that caused the event. */
  static class EventListeners {

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void notified(NotificationCreated event) {
      POINTS.reached(NOTIFICATION_CREATED, event);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void converted(LeadConverted event) {
      POINTS.reached(LEAD_CONVERTED, event);
    }

    /** Inside the stage change's transaction, after everything else in it (a process asked). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void beforeStageChangeCommits(DealStageChanged event) {
      POINTS.reached(STAGE_CHANGE_BEFORE_COMMIT, event);
    }
  }
}
