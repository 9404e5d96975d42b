package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The authorized-operation workflow: the applicant drafts and submits, only the policy's
 * approver role approves, and an exclusive grant blocks an overlapping one.
 */
class AuthorizationTest {

    private static final Actor APPLICANT = new Actor("wang", "data_bureau");
    private static final Actor FINANCE = new Actor("zhao", "finance_bureau");

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    private static AuthorizationTerms terms(String id, String fee) {
        return new AuthorizationTerms(id, "GL-2026-001", "桂林数据运营有限公司",
                new AuthorizationMode.Scenario("交通出行"),
                Arrays.asList(GrantedRight.USE, GrantedRight.PRODUCT_OPERATION),
                Purpose.INDUSTRY_DEVELOPMENT, Decimals.of(fee),
                new Term(LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31)), true);
    }

    private static AssetReadiness ready() {
        return new AssetReadiness("GL-2026-001", DataCategory.PUBLIC, SecurityGrade.GENERAL, true,
                true, Decimals.of("800000.00"));
    }

    @Test
    void grantRunsFromDraftToActive() throws DataAssetsException {
        Policy policy = DataAssets.defaultPolicy();
        try (AuthorizationRegistry registry = new AuthorizationRegistry()) {
            AuthorizationView draft = registry.draft(terms("AUTH-1", "600000.00"), APPLICANT, at(3, 1));
            assertEquals(AuthorizationState.DRAFT, draft.getState());
            // 产业发展 is conditionally paid (数据二十条 art. 4).
            assertEquals(FeeBasis.CONDITIONALLY_PAID, draft.getFeeBasis());

            registry.submit("AUTH-1", APPLICANT, at(3, 2), ready());
            registry.approve("AUTH-1", FINANCE, at(3, 5), ready(), policy);
            registry.activate("AUTH-1", APPLICANT, at(4, 1));

            AuthorizationView active = registry.get("AUTH-1");
            assertEquals(AuthorizationState.ACTIVE, active.getState());
            assertTrue(active.getLive());
            List<WorkflowStep> history = active.getHistory();
            assertEquals(AuthorizationState.APPROVED, history.get(history.size() - 1).getFrom());
            assertEquals("zhao", history.get(history.size() - 2).getActor().getId());
        }
    }

    @Test
    void applicantCannotApprove() throws DataAssetsException {
        Policy policy = DataAssets.defaultPolicy();
        policy.setAuthorizationApproverRole("data_bureau");
        try (AuthorizationRegistry registry = new AuthorizationRegistry()) {
            registry.draft(terms("AUTH-1", "600000.00"), APPLICANT, at(3, 1));
            registry.submit("AUTH-1", APPLICANT, at(3, 2), ready());
            DataAssetsException error = assertThrows(DataAssetsException.class,
                    () -> registry.approve("AUTH-1", APPLICANT, at(3, 5), ready(), policy));
            assertEquals("authorization.self_approval", error.code());
            assertEquals(AuthorizationState.SUBMITTED, registry.get("AUTH-1").getState());
        }
    }

    @Test
    void feeAboveTheGuidedCapIsRejected() throws DataAssetsException {
        // Public data for a paid purpose: the fee may not exceed the government-guided cap.
        try (AuthorizationRegistry registry = new AuthorizationRegistry()) {
            registry.draft(terms("AUTH-1", "900000.00"), APPLICANT, at(3, 1));
            DataAssetsException error = assertThrows(DataAssetsException.class,
                    () -> registry.submit("AUTH-1", APPLICANT, at(3, 2), ready()));
            assertEquals("authorization.fee_above_cap", error.code());
        }
    }

    @Test
    void freePurposeWithAFeeIsRejectedOnSubmission() throws DataAssetsException {
        // 公益事业 is conditionally free, so a fee is refused when the grant is submitted.
        assertEquals(FeeBasis.CONDITIONALLY_FREE, DataAssets.feeBasisOf(Purpose.PUBLIC_WELFARE));
        AuthorizationTerms terms = terms("AUTH-2", "100.00");
        terms.setPurpose(Purpose.PUBLIC_WELFARE);
        try (AuthorizationRegistry registry = new AuthorizationRegistry()) {
            registry.draft(terms, APPLICANT, at(3, 1));
            DataAssetsException error = assertThrows(DataAssetsException.class,
                    () -> registry.submit("AUTH-2", APPLICANT, at(3, 2), ready()));
            assertEquals("authorization.fee_for_free_purpose", error.code());
        }
    }

    @Test
    void termProblemsListEveryProblem() {
        // A blank licensee, no rights and a term that ends before it starts: three problems.
        AuthorizationTerms terms = terms("AUTH-3", "100.00");
        terms.setLicensee(" ");
        terms.setRights(new java.util.ArrayList<GrantedRight>());
        terms.setTerm(new Term(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 31)));
        List<Problem> problems = DataAssets.authorizationTermProblems(terms);
        assertEquals(3, problems.size());
        assertEquals("licensee", problems.get(0).getField());
        assertEquals("authorization.invalid_term", problems.get(2).getCode());
        assertTrue(DataAssets.authorizationTermProblems(terms("AUTH-4", "0.00")).isEmpty());
    }
}
