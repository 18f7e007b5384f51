package contract;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import support.ReportReceivers;

/** The application with the run report going to a real SMTP server and a chat webhook stand-in (D60). */
public class ReportedProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ReportReceivers.class));
    }
}
