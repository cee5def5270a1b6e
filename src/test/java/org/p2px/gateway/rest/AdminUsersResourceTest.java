package org.p2px.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersResourceTest
{
    @Test
    void theConfiguredAdminExists()
    {
        given().auth().oauth2(TestUsers.adminToken()).get("/api/v1/account/me")
            .then().statusCode(200).body("role", equalTo("ADMIN")).body("username", equalTo(TestUsers.ADMIN));
    }

    @Test
    void adminSetsRoleAndKyc()
    {
        final JsonPath user = TestUsers.signUp();
        final long id = user.getLong("user.id");
        final String admin = TestUsers.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "MERCHANT"))
            .put("/api/v1/admin/users/" + id + "/role")
            .then().statusCode(200).body("role", equalTo("MERCHANT"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kycLevel", 2))
            .put("/api/v1/admin/users/" + id + "/kyc")
            .then().statusCode(200).body("kycLevel", equalTo(2));
        given().auth().oauth2(admin).get("/api/v1/admin/users/" + id)
            .then().statusCode(200).body("role", equalTo("MERCHANT")).body("kycLevel", equalTo(2));
        // Not a role, not a whole number, or the admin's own role: refused, naming what is wrong, nothing changed.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "GOD"))
            .put("/api/v1/admin/users/" + id + "/role").then().statusCode(400)
            .body("code", equalTo("MALFORMED_REQUEST"))
            .body("message", equalTo("'role' must be one of USER, MERCHANT, ARBITER, ADMIN."));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kycLevel", 1.5))
            .put("/api/v1/admin/users/" + id + "/kyc").then().statusCode(400)
            .body("code", equalTo("MALFORMED_REQUEST"));
        final long adminId = given().auth().oauth2(admin).get("/api/v1/account/me").then().extract().jsonPath()
            .getLong("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "USER"))
            .put("/api/v1/admin/users/" + adminId + "/role").then().statusCode(403)
            .body("code", equalTo("CANNOT_CHANGE_OWN_ROLE"));
        given().auth().oauth2(admin).get("/api/v1/admin/users/" + id)
            .then().statusCode(200).body("role", equalTo("MERCHANT")).body("kycLevel", equalTo(2));

        // The new role is in the next token.
        final JsonPath again = TestUsers.signIn(user.getString("user.username"), TestUsers.PASSWORD);
        given().auth().oauth2(again.getString("accessToken")).get("/api/v1/account/me")
            .then().statusCode(200).body("role", equalTo("MERCHANT"));
    }

    @Test
    void aPromotedAdminIsAnAdminInTheCoreToo()
    {
        final JsonPath user = TestUsers.signUp();
        given().auth().oauth2(TestUsers.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
            .put("/api/v1/admin/users/" + user.getLong("user.id") + "/role").then().statusCode(200);
        final String newAdmin = TestUsers.signIn(user.getString("user.username"), TestUsers.PASSWORD).getString("accessToken");
        final long other = TestUsers.signUp().getLong("user.id");
        given().auth().oauth2(newAdmin).contentType(ContentType.JSON).body(Map.of("kycLevel", 3))
            .put("/api/v1/admin/users/" + other + "/kyc").then().statusCode(200).body("kycLevel", equalTo(3));
    }

    @Test
    void aDemotedAdminsTokenLosesTheAdminReadsAtOnce()
    {
        final JsonPath user = TestUsers.signUp();
        final long id = user.getLong("user.id");
        final String admin = TestUsers.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
            .put("/api/v1/admin/users/" + id + "/role").then().statusCode(200);
        final String staffToken = TestUsers.signIn(user.getString("user.username"), TestUsers.PASSWORD).getString("accessToken");
        given().auth().oauth2(staffToken).get("/api/v1/admin/users/" + id).then().statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "USER"))
            .put("/api/v1/admin/users/" + id + "/role").then().statusCode(200);

        // The token still says ADMIN for the rest of its 15 minutes; the server goes by the role the user has now.
        given().auth().oauth2(staffToken).get("/api/v1/admin/users/" + id).then().statusCode(403)
            .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(staffToken).get("/api/v1/account/me").then().statusCode(200).body("role", equalTo("USER"));
    }

    @Test
    void nonAdminsAreRefused()
    {
        final JsonPath user = TestUsers.signUp();
        given().auth().oauth2(user.getString("accessToken")).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
            .put("/api/v1/admin/users/" + user.getLong("user.id") + "/role")
            .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
            .put("/api/v1/admin/users/" + user.getLong("user.id") + "/role")
            .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void badAdminInputIsRefusedWithACode()
    {
        final String admin = TestUsers.adminToken();
        final long id = TestUsers.signUp().getLong("user.id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kycLevel", 9))
            .put("/api/v1/admin/users/" + id + "/kyc")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "EMPEROR"))
            .put("/api/v1/admin/users/" + id + "/role")
            .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "USER"))
            .put("/api/v1/admin/users/999999999/role")
            .then().statusCode(404).body("code", equalTo("UNKNOWN_USER"));
        given().auth().oauth2(admin).get("/api/v1/admin/users/not-a-number")
            .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
